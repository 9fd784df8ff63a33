ALTER TABLE `learning_reports` ADD `siasn_riwayat_id` text;--> statement-breakpoint
ALTER TABLE `learning_reports` ADD `siasn_attempt_at` text;--> statement-breakpoint
ALTER TABLE `learning_reports` ADD `siasn_document_at` text;