ALTER TABLE `closures` ADD `kind` text DEFAULT 'closure' NOT NULL;--> statement-breakpoint
ALTER TABLE `closures` ADD `ended_at` integer;--> statement-breakpoint
ALTER TABLE `closures` ADD `ended_by` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `notifications` ADD `dedupe_key` text;--> statement-breakpoint
CREATE UNIQUE INDEX `notifications_dedupe` ON `notifications` (`dedupe_key`);--> statement-breakpoint
CREATE INDEX `notifications_office` ON `notifications` (`office_id`,`status`);--> statement-breakpoint
ALTER TABLE `services` ADD `service_group` text DEFAULT '' NOT NULL;