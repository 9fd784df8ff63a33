CREATE TABLE `data_versions` (
	`tenant_id` text NOT NULL,
	`topic` text NOT NULL,
	`version` integer NOT NULL,
	`changed_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `topic`)
);
--> statement-breakpoint
CREATE TABLE `report_snapshots` (
	`tenant_id` text NOT NULL,
	`topic` text NOT NULL,
	`query_key` text NOT NULL,
	`version` integer NOT NULL,
	`computed_at` text NOT NULL,
	`body` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `topic`, `query_key`)
);
