CREATE TABLE `notification_deliveries` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`notification_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`mode` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`claim` text,
	`claimed_at` text,
	`address` text,
	`message_id` text,
	`last_error` text,
	`sent_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`notification_id`) REFERENCES `notifications`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_deliveries_status" CHECK("notification_deliveries"."status" in ('menunggu', 'mengirim', 'terkirim', 'gagal', 'dilewati'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_deliveries_once` ON `notification_deliveries` (`tenant_id`,`notification_id`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_due` ON `notification_deliveries` (`tenant_id`,`status`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `notification_deliveries_person` ON `notification_deliveries` (`tenant_id`,`employee_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `notification_events` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`employee_id` text NOT NULL,
	`link` text NOT NULL,
	`data` text NOT NULL,
	`dedupe_key` text NOT NULL,
	`created_at` text NOT NULL,
	`processed_at` text,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_events_kind" CHECK("notification_events"."kind" in ('learning_report.approved', 'learning_report.rejected', 'pairing.proposed', 'pairing.unanswered', 'plan.enrolled', 'evaluation.due', 'evaluation.overdue', 'jp.shortfall'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notification_events_once` ON `notification_events` (`tenant_id`,`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notification_events_pending` ON `notification_events` (`tenant_id`,`processed_at`,`employee_id`);--> statement-breakpoint
CREATE TABLE `notification_preferences` (
	`tenant_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`kind` text NOT NULL,
	`email` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `employee_id`, `kind`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "notification_preferences_email" CHECK("notification_preferences"."email" in ('segera', 'harian', 'tidak'))
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`event_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`kind` text NOT NULL,
	`link` text NOT NULL,
	`data` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_event` ON `notifications` (`tenant_id`,`event_id`);--> statement-breakpoint
CREATE INDEX `notifications_inbox` ON `notifications` (`tenant_id`,`employee_id`,`read_at`,`created_at`,`id`);