CREATE TABLE `tenant_summaries` (
	`tenant_id` text NOT NULL,
	`year` integer NOT NULL,
	`scope` text NOT NULL,
	`unit_code` text,
	`unit_name` text,
	`employees` integer NOT NULL,
	`figures` text NOT NULL,
	`computed_at` text NOT NULL,
	`source_mark` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `year`, `scope`)
);
--> statement-breakpoint
CREATE INDEX `tenant_summaries_year_scope` ON `tenant_summaries` (`year`,`scope`,`tenant_id`);