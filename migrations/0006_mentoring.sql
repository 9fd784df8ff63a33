CREATE TABLE `mentor_profiles` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`employee_id` text NOT NULL,
	`capacity` integer DEFAULT 3 NOT NULL,
	`competencies` text NOT NULL,
	`availability` text,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mentor_profiles_capacity" CHECK("mentor_profiles"."capacity" between 0 and 50)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentor_profiles_employee` ON `mentor_profiles` (`tenant_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `mentor_profiles_status` ON `mentor_profiles` (`tenant_id`,`status`);--> statement-breakpoint
CREATE TABLE `mentoring_goals` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`pairing_id` text NOT NULL,
	`title` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`due_date` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`pairing_id`) REFERENCES `pairings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `mentoring_goals_pairing` ON `mentoring_goals` (`tenant_id`,`pairing_id`,`id`);--> statement-breakpoint
CREATE TABLE `mentoring_sessions` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`pairing_id` text NOT NULL,
	`date` text NOT NULL,
	`minutes` integer NOT NULL,
	`notes` text,
	`action_items` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`pairing_id`) REFERENCES `pairings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mentoring_sessions_minutes" CHECK("mentoring_sessions"."minutes" between 1 and 1440)
);
--> statement-breakpoint
CREATE INDEX `mentoring_sessions_pairing` ON `mentoring_sessions` (`tenant_id`,`pairing_id`,`date`,`id`);--> statement-breakpoint
CREATE TABLE `pairings` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`mentor_id` text NOT NULL,
	`mentee_id` text NOT NULL,
	`status` text NOT NULL,
	`focus` text NOT NULL,
	`note` text,
	`proposed_by` text NOT NULL,
	`accepted_at` text,
	`ended_at` text,
	`ended_by` text,
	`end_reason` text,
	`completed_at` text,
	`jp_centi` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`mentor_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`mentee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "pairings_two_people" CHECK("pairings"."mentor_id" <> "pairings"."mentee_id")
);
--> statement-breakpoint
CREATE INDEX `pairings_tenant_created` ON `pairings` (`tenant_id`,`created_at`,`id`);--> statement-breakpoint
CREATE INDEX `pairings_mentor` ON `pairings` (`tenant_id`,`mentor_id`,`status`);--> statement-breakpoint
CREATE INDEX `pairings_mentee` ON `pairings` (`tenant_id`,`mentee_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `pairings_open_once` ON `pairings` (`tenant_id`,`kind`,`mentor_id`,`mentee_id`) WHERE status in ('proposed', 'active');