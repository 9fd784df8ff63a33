CREATE TABLE `accounts` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`username` text NOT NULL,
	`roles` text NOT NULL,
	`employee_id` text,
	`password_hash` text,
	`password_changed_at` text,
	`status` text DEFAULT 'active' NOT NULL,
	`locked_until` text,
	`totp_secret` text,
	`totp_pending` text,
	`totp_last_step` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`employee_id`) REFERENCES `employees`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_tenant_username` ON `accounts` (`tenant_id`,`username`);--> statement-breakpoint
CREATE UNIQUE INDEX `accounts_tenant_employee` ON `accounts` (`tenant_id`,`employee_id`);--> statement-breakpoint
CREATE TABLE `activation_codes` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`account_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`used_at` text,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`account_id`) REFERENCES `accounts`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `activation_codes_tenant_account` ON `activation_codes` (`tenant_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `oidc_logins` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`nonce` text NOT NULL,
	`code_verifier` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	PRIMARY KEY(`tenant_id`, `id`)
);
--> statement-breakpoint
CREATE TABLE `recovery_codes` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`account_id` text NOT NULL,
	`code_hash` text NOT NULL,
	`used_at` text,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`account_id`) REFERENCES `accounts`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `recovery_codes_tenant_account` ON `recovery_codes` (`tenant_id`,`account_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`tenant_id` text NOT NULL,
	`id` text NOT NULL,
	`account_id` text NOT NULL,
	`family_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`family_expires_at` text NOT NULL,
	`used_at` text,
	`revoked_at` text,
	PRIMARY KEY(`tenant_id`, `id`),
	FOREIGN KEY (`tenant_id`,`account_id`) REFERENCES `accounts`(`tenant_id`,`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_tenant_account` ON `sessions` (`tenant_id`,`account_id`);--> statement-breakpoint
CREATE INDEX `sessions_tenant_family` ON `sessions` (`tenant_id`,`family_id`);--> statement-breakpoint
CREATE TABLE `sign_in_settings` (
	`tenant_id` text PRIMARY KEY NOT NULL,
	`require_admin_totp` integer DEFAULT false NOT NULL,
	`oidc_issuer` text,
	`oidc_client_id` text,
	`oidc_claim` text,
	`oidc_match` text,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`last_failure_at` text NOT NULL,
	`locked_until` text
);
