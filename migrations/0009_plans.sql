CREATE TABLE `plan_lines` (
	`tenant_id` text NOT NULL,
	`plan_id` text NOT NULL,
	`seq` integer NOT NULL,
	`employee_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`offering_id` text NOT NULL,
	`program_id` text NOT NULL,
	`cost` integer NOT NULL,
	`jp_centi` integer NOT NULL,
	`value` real NOT NULL,
	`gaps` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `plan_id`, `seq`),
	FOREIGN KEY (`tenant_id`,`plan_id`) REFERENCES `plans`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`offering_id`) REFERENCES `offerings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `plan_lines_offering` ON `plan_lines` (`tenant_id`,`plan_id`,`offering_id`,`employee_id`);--> statement-breakpoint
CREATE TABLE `plans` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`year` integer NOT NULL,
	`budget` integer NOT NULL,
	`status` text NOT NULL,
	`options` text NOT NULL,
	`totals` text NOT NULL,
	`line_count` integer NOT NULL,
	`source_plan_id` text,
	`created_by` text NOT NULL,
	`approval_token` text,
	`approved_by` text,
	`approved_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	CONSTRAINT "plans_status" CHECK("plans"."status" in ('draft', 'approved')),
	CONSTRAINT "plans_budget" CHECK("plans"."budget" >= 0)
);
--> statement-breakpoint
CREATE INDEX `plans_tenant_year` ON `plans` (`tenant_id`,`year`,`id`);