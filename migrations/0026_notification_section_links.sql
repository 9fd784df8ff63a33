-- Beranda's sections in the links written before they named them: a plan's enrollment opens the
-- person's places, a JP shortfall their JP (modules/plans/approval.ts, notifications/reminders.ts).
UPDATE `notification_events` SET `link` = '/#enrollments' WHERE `kind` = 'plan.enrolled' AND `link` = '/';--> statement-breakpoint
UPDATE `notifications` SET `link` = '/#enrollments' WHERE `kind` = 'plan.enrolled' AND `link` = '/';--> statement-breakpoint
UPDATE `notification_events` SET `link` = '/#jp' WHERE `kind` = 'jp.shortfall' AND `link` = '/';--> statement-breakpoint
UPDATE `notifications` SET `link` = '/#jp' WHERE `kind` = 'jp.shortfall' AND `link` = '/';
