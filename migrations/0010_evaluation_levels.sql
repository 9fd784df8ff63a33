CREATE TABLE `evaluation_behaviours` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`offering_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`supervisor_id` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`enrollment_id`) REFERENCES `enrollments`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`offering_id`) REFERENCES `offerings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_behaviours_rating" CHECK("evaluation_behaviours"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_behaviours_once` ON `evaluation_behaviours` (`tenant_id`,`enrollment_id`);--> statement-breakpoint
CREATE INDEX `evaluation_behaviours_offering` ON `evaluation_behaviours` (`tenant_id`,`offering_id`);--> statement-breakpoint
CREATE TABLE `evaluation_reactions` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`offering_id` text NOT NULL,
	`employee_id` text NOT NULL,
	`materi` integer NOT NULL,
	`fasilitator` integer NOT NULL,
	`metode` integer NOT NULL,
	`sarana` integer NOT NULL,
	`manfaat` integer NOT NULL,
	`waktu` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`enrollment_id`) REFERENCES `enrollments`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`offering_id`) REFERENCES `offerings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_reactions_likert" CHECK("evaluation_reactions"."materi" between 1 and 5 and "evaluation_reactions"."fasilitator" between 1 and 5 and "evaluation_reactions"."metode" between 1 and 5 and "evaluation_reactions"."sarana" between 1 and 5 and "evaluation_reactions"."manfaat" between 1 and 5 and "evaluation_reactions"."waktu" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluation_reactions_once` ON `evaluation_reactions` (`tenant_id`,`enrollment_id`);--> statement-breakpoint
CREATE INDEX `evaluation_reactions_offering` ON `evaluation_reactions` (`tenant_id`,`offering_id`);--> statement-breakpoint
CREATE TABLE `evaluation_test_scores` (
	`tenant_id` text NOT NULL,
	`enrollment_id` text NOT NULL,
	`offering_id` text NOT NULL,
	`pre` real,
	`post` real,
	`recorded_by` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `enrollment_id`),
	FOREIGN KEY (`tenant_id`,`enrollment_id`) REFERENCES `enrollments`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`tenant_id`,`offering_id`) REFERENCES `offerings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "evaluation_test_scores_range" CHECK(("evaluation_test_scores"."pre" is null or "evaluation_test_scores"."pre" between 0 and 100) and ("evaluation_test_scores"."post" is null or "evaluation_test_scores"."post" between 0 and 100))
);
--> statement-breakpoint
CREATE INDEX `evaluation_test_scores_offering` ON `evaluation_test_scores` (`tenant_id`,`offering_id`);--> statement-breakpoint
CREATE TABLE `mentoring_feedback` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`pairing_id` text NOT NULL,
	`role` text NOT NULL,
	`employee_id` text NOT NULL,
	`rating` integer NOT NULL,
	`comment` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`pairing_id`) REFERENCES `pairings`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "mentoring_feedback_rating" CHECK("mentoring_feedback"."rating" between 1 and 5)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `mentoring_feedback_once` ON `mentoring_feedback` (`tenant_id`,`pairing_id`,`role`);