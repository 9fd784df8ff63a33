CREATE TABLE `needs_cells` (
	`tenant_id` text NOT NULL,
	`dimension` text NOT NULL,
	`group_key` text NOT NULL,
	`competency_id` text NOT NULL,
	`competency_type` text NOT NULL,
	`assessed` integer NOT NULL,
	`gap_pairs` integer NOT NULL,
	`gap_sum` integer NOT NULL,
	`weighted_gap_sum` real NOT NULL,
	PRIMARY KEY(`tenant_id`, `dimension`, `group_key`, `competency_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE TABLE `needs_people` (
	`tenant_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`unit_id` text NOT NULL,
	`position_id` text NOT NULL,
	`pairs` integer NOT NULL,
	`assessed` integer NOT NULL,
	`gap_pairs` integer NOT NULL,
	`gap_sum` integer NOT NULL,
	`weighted_gap_sum` real NOT NULL,
	`top_weighted_gap` real NOT NULL,
	`pairs_manajerial` integer NOT NULL,
	`assessed_manajerial` integer NOT NULL,
	`gap_pairs_manajerial` integer NOT NULL,
	`gap_sum_manajerial` integer NOT NULL,
	`weighted_gap_sum_manajerial` real NOT NULL,
	`top_weighted_gap_manajerial` real NOT NULL,
	`pairs_sosial_kultural` integer NOT NULL,
	`assessed_sosial_kultural` integer NOT NULL,
	`gap_pairs_sosial_kultural` integer NOT NULL,
	`gap_sum_sosial_kultural` integer NOT NULL,
	`weighted_gap_sum_sosial_kultural` real NOT NULL,
	`top_weighted_gap_sosial_kultural` real NOT NULL,
	`pairs_teknis` integer NOT NULL,
	`assessed_teknis` integer NOT NULL,
	`gap_pairs_teknis` integer NOT NULL,
	`gap_sum_teknis` integer NOT NULL,
	`weighted_gap_sum_teknis` real NOT NULL,
	`top_weighted_gap_teknis` real NOT NULL,
	PRIMARY KEY(`tenant_id`, `employee_id`)
) WITHOUT ROWID;
--> statement-breakpoint
CREATE INDEX `needs_people_unit` ON `needs_people` (`tenant_id`,`unit_id`);--> statement-breakpoint
CREATE INDEX `needs_people_position` ON `needs_people` (`tenant_id`,`position_id`);--> statement-breakpoint
CREATE INDEX `needs_people_top` ON `needs_people` (`tenant_id`,`top_weighted_gap`);