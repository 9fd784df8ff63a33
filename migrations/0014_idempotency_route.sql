CREATE TABLE `__new_idempotency_keys` (
	`scope` text NOT NULL,
	`caller` text NOT NULL,
	`route` text DEFAULT '' NOT NULL,
	`key` text NOT NULL,
	`fingerprint` text NOT NULL,
	`status` integer,
	`headers` text,
	`body` text,
	`created_at` text NOT NULL,
	PRIMARY KEY(`scope`, `caller`, `route`, `key`)
);
--> statement-breakpoint
INSERT INTO `__new_idempotency_keys`("scope", "caller", "route", "key", "fingerprint", "status", "headers", "body", "created_at") SELECT "scope", "caller", '', "key", "fingerprint", "status", "headers", "body", "created_at" FROM `idempotency_keys`;--> statement-breakpoint
DROP TABLE `idempotency_keys`;--> statement-breakpoint
ALTER TABLE `__new_idempotency_keys` RENAME TO `idempotency_keys`;--> statement-breakpoint
CREATE INDEX `idempotency_created` ON `idempotency_keys` (`created_at`);