CREATE TABLE `enrollments` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`offering_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`status` text NOT NULL,
	`seq` integer NOT NULL,
	`requested_by` text NOT NULL,
	`attendance` integer,
	`passed` integer,
	`completed_at` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`offering_id`) REFERENCES `offerings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "enrollments_attendance" CHECK("enrollments"."attendance" is null or "enrollments"."attendance" between 0 and 100)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `enrollments_person` ON `enrollments` (`tenant_id`,`offering_id`,`employee_id`);--> statement-breakpoint
CREATE INDEX `enrollments_queue` ON `enrollments` (`tenant_id`,`offering_id`,`status`,`seq`);--> statement-breakpoint
CREATE INDEX `enrollments_employee` ON `enrollments` (`tenant_id`,`employee_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `offerings` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`program_tenant_id` text NOT NULL,
	`program_id` text NOT NULL,
	`start_date` text NOT NULL,
	`end_date` text NOT NULL,
	`capacity` integer NOT NULL,
	`location` text,
	`online` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`program_tenant_id`,`program_id`) REFERENCES `programs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "offerings_own_program" CHECK("offerings"."program_tenant_id" in ('', "offerings"."tenant_id")),
	CONSTRAINT "offerings_capacity" CHECK("offerings"."capacity" >= 1),
	CONSTRAINT "offerings_dates" CHECK("offerings"."end_date" >= "offerings"."start_date")
);
--> statement-breakpoint
CREATE INDEX `offerings_tenant_start` ON `offerings` (`tenant_id`,`start_date`,`id`);--> statement-breakpoint
CREATE INDEX `offerings_tenant_program` ON `offerings` (`tenant_id`,`program_id`,`start_date`);--> statement-breakpoint
CREATE TABLE `program_competencies` (
	`tenant_id` text NOT NULL,
	`program_id` text NOT NULL,
	`role` text NOT NULL,
	`competency_tenant_id` text NOT NULL,
	`competency_id` text NOT NULL,
	`level` integer NOT NULL,
	PRIMARY KEY(`tenant_id`, `program_id`, `role`, `competency_id`),
	FOREIGN KEY (`tenant_id`,`program_id`) REFERENCES `programs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competency_tenant_id`,`competency_id`) REFERENCES `competencies`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "program_competencies_own_competency" CHECK("program_competencies"."competency_tenant_id" in ('', "program_competencies"."tenant_id")),
	CONSTRAINT "program_competencies_level" CHECK("program_competencies"."level" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `program_competencies_competency` ON `program_competencies` (`tenant_id`,`competency_id`,`role`);--> statement-breakpoint
CREATE TABLE `programs` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`code` text NOT NULL,
	`title` text NOT NULL,
	`description` text NOT NULL,
	`method` text NOT NULL,
	`jp_centi` integer NOT NULL,
	`cost_per_participant` integer NOT NULL,
	`provider_id` text,
	`has_tests` integer NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`provider_id`) REFERENCES `providers`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "programs_jp" CHECK("programs"."jp_centi" > 0),
	CONSTRAINT "programs_cost" CHECK("programs"."cost_per_participant" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `programs_tenant_code` ON `programs` (`tenant_id`,`code`);--> statement-breakpoint
CREATE INDEX `programs_tenant_title` ON `programs` (`tenant_id`,`title`,`id`);--> statement-breakpoint
CREATE INDEX `programs_tenant_provider` ON `programs` (`tenant_id`,`provider_id`);--> statement-breakpoint
CREATE TABLE `providers` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`contact` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `providers_tenant_name` ON `providers` (`tenant_id`,`name`);