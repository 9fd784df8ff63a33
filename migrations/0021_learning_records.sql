CREATE TABLE `jp_rules` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`rules` text NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `learning_reports` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`employee_id` text NOT NULL,
	`title` text NOT NULL,
	`method` text NOT NULL,
	`organiser` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`days` integer,
	`sessions` integer,
	`minutes` integer,
	`semesters` integer,
	`claimed_jp_centi` integer,
	`certificate_number` text,
	`certificate_date` text,
	`status` text NOT NULL,
	`evidence_key` text,
	`evidence_type` text,
	`evidence_bytes` integer,
	`jp_centi` integer,
	`jp_reason` text,
	`rules_version` integer,
	`decided_by` text,
	`decided_at` text,
	`reject_reason` text,
	`siasn_sent_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "learning_reports_dates" CHECK("learning_reports"."end_date" >= "learning_reports"."start_date"),
	CONSTRAINT "learning_reports_status" CHECK("learning_reports"."status" in ('diajukan', 'disetujui', 'ditolak', 'ditarik'))
);
--> statement-breakpoint
CREATE INDEX `learning_reports_employee` ON `learning_reports` (`tenant_id`,`employee_id`,`id`);--> statement-breakpoint
CREATE INDEX `learning_reports_status` ON `learning_reports` (`tenant_id`,`status`,`id`);--> statement-breakpoint
CREATE INDEX `learning_reports_siasn` ON `learning_reports` (`tenant_id`,`status`,`siasn_sent_at`,`id`);--> statement-breakpoint
ALTER TABLE `employees` ADD `siasn_id` text;--> statement-breakpoint
ALTER TABLE `jp_entries` ADD `method` text;