CREATE TABLE `job_steps` (
	`tenant_id` text NOT NULL,
	`job_id` text NOT NULL,
	`step` text NOT NULL,
	`result` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `job_id`, `step`),
	FOREIGN KEY (`tenant_id`,`job_id`) REFERENCES `jobs`(`tenant_id`,`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `jobs` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`kind` text NOT NULL,
	`status` text NOT NULL,
	`done` integer DEFAULT 0 NOT NULL,
	`total` integer DEFAULT 0 NOT NULL,
	`input` text NOT NULL,
	`result` text,
	`error` text,
	`created_by` text NOT NULL,
	`created_by_roles` text NOT NULL,
	`request_id` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	CONSTRAINT "jobs_status" CHECK("jobs"."status" in ('queued', 'running', 'succeeded', 'failed', 'cancelled'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `jobs_active` ON `jobs` (`tenant_id`,`kind`) WHERE status in ('queued', 'running');