CREATE TABLE `tenant_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`self_assessments` text NOT NULL,
	`jp_target_pns` integer NOT NULL,
	`jp_target_pppk` integer NOT NULL,
	`version` integer NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "tenant_settings_jp_targets" CHECK("tenant_settings"."jp_target_pns" between 1 and 200 and "tenant_settings"."jp_target_pppk" between 1 and 200),
	CONSTRAINT "tenant_settings_self_assessments" CHECK("tenant_settings"."self_assessments" in ('until_other_source', 'by_date'))
);
--> statement-breakpoint
ALTER TABLE `assessments` ADD `self_assessed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `current_levels` ADD `self_assessed` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `mentoring_sessions` ADD `recorder_id` text;--> statement-breakpoint
ALTER TABLE `mentoring_sessions` ADD `confirmed_by` text;--> statement-breakpoint
ALTER TABLE `mentoring_sessions` ADD `confirmed_at` text;--> statement-breakpoint
-- Who assessed themself: source self, or an assessor who is the employee (a mentee's end-of-mentoring self-assessment).
UPDATE `assessments` SET `self_assessed` = (`source` = 'self' OR coalesce(`assessor` = `employee_id`, 0));
--> statement-breakpoint
-- Current levels under the default rule (no tenant has settings yet): another source's assessment before any self-assessment,
-- then the latest date, the stronger source, the later recorded. The needs triggers follow every level that changes.
UPDATE `current_levels` SET `level` = w.level, `assessed_on` = w.assessed_on, `source_rank` = w.source_rank, `self_assessed` = w.self_assessed, `assessment_id` = w.id
FROM (
  SELECT a.tenant_id, a.employee_id, a.competency_id, a.level, a.assessed_on, a.source_rank, a.self_assessed, a.id,
    row_number() OVER (PARTITION BY a.tenant_id, a.employee_id, a.competency_id ORDER BY a.self_assessed, a.assessed_on DESC, a.source_rank DESC, a.id DESC) AS n
  FROM `assessments` a
) AS w
WHERE w.n = 1 AND w.tenant_id = `current_levels`.tenant_id AND w.employee_id = `current_levels`.employee_id AND w.competency_id = `current_levels`.competency_id;
