CREATE TABLE `jp_entries` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`employee_id` text NOT NULL,
	`occurred_at` text NOT NULL,
	`year` integer NOT NULL,
	`jp_centi` integer NOT NULL,
	`source` text NOT NULL,
	`reference` text,
	`note` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "jp_entries_positive" CHECK("jp_entries"."jp_centi" > 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jp_entries_reference` ON `jp_entries` (`tenant_id`,`employee_id`,`source`,`reference`);--> statement-breakpoint
CREATE INDEX `jp_entries_employee_year` ON `jp_entries` (`tenant_id`,`employee_id`,`year`);--> statement-breakpoint
CREATE INDEX `jp_entries_year` ON `jp_entries` (`tenant_id`,`year`);