CREATE TABLE `evaluation_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`l3_waiting_days` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "evaluation_settings_waiting_days" CHECK("evaluation_settings"."l3_waiting_days" between 0 and 365)
);
--> statement-breakpoint
CREATE TABLE `ikm_responses` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`unit_id` text NOT NULL,
	`period` text NOT NULL,
	`u1` integer NOT NULL,
	`u2` integer NOT NULL,
	`u3` integer NOT NULL,
	`u4` integer NOT NULL,
	`u5` integer NOT NULL,
	`u6` integer NOT NULL,
	`u7` integer NOT NULL,
	`u8` integer NOT NULL,
	`u9` integer NOT NULL,
	`gender` text,
	`age_band` text,
	`education` text,
	`service` text,
	`responded_on` text NOT NULL,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`unit_id`) REFERENCES `units`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "ikm_responses_answers" CHECK("ikm_responses"."u1" between 1 and 4 and "ikm_responses"."u2" between 1 and 4 and "ikm_responses"."u3" between 1 and 4 and "ikm_responses"."u4" between 1 and 4 and "ikm_responses"."u5" between 1 and 4 and "ikm_responses"."u6" between 1 and 4 and "ikm_responses"."u7" between 1 and 4 and "ikm_responses"."u8" between 1 and 4 and "ikm_responses"."u9" between 1 and 4)
);
--> statement-breakpoint
CREATE INDEX `ikm_responses_period_unit` ON `ikm_responses` (`tenant_id`,`period`,`unit_id`);--> statement-breakpoint
CREATE TABLE `indicator_values` (
	`tenant_id` text NOT NULL,
	`indicator_id` text NOT NULL,
	`period` text NOT NULL,
	`value` real NOT NULL,
	`note` text,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `indicator_id`, `period`),
	FOREIGN KEY (`tenant_id`,`indicator_id`) REFERENCES `unit_indicators`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `unit_indicators` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`unit_id` text NOT NULL,
	`name` text NOT NULL,
	`measure` text NOT NULL,
	`direction` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`unit_id`) REFERENCES `units`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `unit_indicators_unit` ON `unit_indicators` (`tenant_id`,`unit_id`,`id`);