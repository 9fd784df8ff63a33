CREATE TABLE `employees` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`nip` text NOT NULL,
	`name` text NOT NULL,
	`unit_id` text NOT NULL,
	`position_id` text NOT NULL,
	`grade` text NOT NULL,
	`employment_type` text NOT NULL,
	`supervisor_id` text,
	`gender` text,
	`birth_date` text,
	`email` text,
	`status` text DEFAULT 'active' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`unit_id`) REFERENCES `units`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`position_id`) REFERENCES `positions`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`supervisor_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `employees_tenant_nip` ON `employees` (`tenant_id`,`nip`);--> statement-breakpoint
CREATE INDEX `employees_tenant_name` ON `employees` (`tenant_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `employees_tenant_unit` ON `employees` (`tenant_id`,`unit_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `employees_tenant_position` ON `employees` (`tenant_id`,`position_id`,`name`,`id`);--> statement-breakpoint
CREATE INDEX `employees_tenant_supervisor` ON `employees` (`tenant_id`,`supervisor_id`);