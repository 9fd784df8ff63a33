CREATE TABLE `certificate_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`number_pattern` text NOT NULL,
	`issuer_unit` text NOT NULL,
	`issued_place` text,
	`official_name` text,
	`official_nip` text,
	`official_title` text,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `certificates` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`offering_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`year` integer NOT NULL,
	`seq` integer NOT NULL,
	`number` text NOT NULL,
	`verification_code` text NOT NULL,
	`status` text NOT NULL,
	`issued_on` text NOT NULL,
	`issued_place` text NOT NULL,
	`participant_name` text NOT NULL,
	`participant_nip` text NOT NULL,
	`grade` text NOT NULL,
	`position_name` text NOT NULL,
	`unit_name` text NOT NULL,
	`program_code` text NOT NULL,
	`program_title` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`jp_centi` integer NOT NULL,
	`venue` text NOT NULL,
	`official_name` text NOT NULL,
	`official_nip` text NOT NULL,
	`official_title` text NOT NULL,
	`region` text NOT NULL,
	`issued_by` text NOT NULL,
	`revoked_on` text,
	`revoked_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`enrollment_id`) REFERENCES `enrollments`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "certificates_status" CHECK("certificates"."status" in ('valid', 'revoked')),
	CONSTRAINT "certificates_revoked" CHECK(("certificates"."status" = 'revoked') = ("certificates"."revoked_on" is not null)),
	CONSTRAINT "certificates_seq_positive" CHECK("certificates"."seq" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_seq` ON `certificates` (`tenant_id`,`year`,`seq`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_number` ON `certificates` (`tenant_id`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_code` ON `certificates` (`verification_code`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificates_valid_enrollment` ON `certificates` (`tenant_id`,`enrollment_id`) WHERE status = 'valid';--> statement-breakpoint
CREATE INDEX `certificates_employee` ON `certificates` (`tenant_id`,`employee_id`,`issued_on`);--> statement-breakpoint
CREATE INDEX `certificates_offering` ON `certificates` (`tenant_id`,`offering_id`,`seq`);--> statement-breakpoint
CREATE INDEX `certificates_issued` ON `certificates` (`tenant_id`,`issued_on`,`id`);--> statement-breakpoint
CREATE TABLE `training_history` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`employee_id` text NOT NULL,
	`row_key` text NOT NULL,
	`title` text NOT NULL,
	`method` text NOT NULL,
	`organiser` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`jp_centi` integer NOT NULL,
	`certificate_number` text,
	`certificate_date` text,
	`imported_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "training_history_dates" CHECK("training_history"."end_date" >= "training_history"."start_date"),
	CONSTRAINT "training_history_jp" CHECK("training_history"."jp_centi" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_history_row` ON `training_history` (`tenant_id`,`row_key`);--> statement-breakpoint
CREATE INDEX `training_history_employee` ON `training_history` (`tenant_id`,`employee_id`,`start_date`);