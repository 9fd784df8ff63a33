CREATE TABLE `ikm_publications` (
	`tenant_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `unit_id`),
	FOREIGN KEY (`tenant_id`,`unit_id`) REFERENCES `units`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
