CREATE TABLE `batch_guards` (
	`code` text NOT NULL,
	`detail` text NOT NULL
);
--> statement-breakpoint
CREATE TRIGGER `batch_guards_abort` BEFORE INSERT ON `batch_guards`
BEGIN
  SELECT raise(ABORT, 'bangkom_guard:' || new.code || ':' || new.detail);
END;
