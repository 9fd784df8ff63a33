ALTER TABLE `programs` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `competencies` ADD `retired_at` text;--> statement-breakpoint
CREATE INDEX `evaluation_behaviours_supervisor` ON `evaluation_behaviours` (`tenant_id`,`supervisor_id`);--> statement-breakpoint
CREATE INDEX `plan_lines_employee` ON `plan_lines` (`tenant_id`,`employee_id`);--> statement-breakpoint
-- Programs that were archived by hand are retired, dated by their last change.
UPDATE `programs` SET `status` = 'retired', `retired_at` = `updated_at` WHERE `status` = 'archived';
