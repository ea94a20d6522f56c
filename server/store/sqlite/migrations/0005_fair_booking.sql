CREATE TABLE `code_attempts` (
	`code` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`window_started_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `used_challenges` (
	`signature` text PRIMARY KEY NOT NULL,
	`expires_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `used_challenges_expires` ON `used_challenges` (`expires_at`);--> statement-breakpoint
ALTER TABLE `offices` ADD `max_active_bookings_per_phone` integer DEFAULT 2 NOT NULL;--> statement-breakpoint
CREATE INDEX `bookings_phone` ON `bookings` (`office_id`,`phone`,`status`);