ALTER TABLE `competencies` ADD `retired_at` text;--> statement-breakpoint
ALTER TABLE `programs` ADD `retired_at` text;--> statement-breakpoint
-- Programs that were archived by hand are retired, dated by their last change.
UPDATE `programs` SET `status` = 'retired', `retired_at` = `updated_at` WHERE `status` = 'archived';
