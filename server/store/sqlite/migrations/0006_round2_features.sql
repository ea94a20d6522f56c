CREATE TABLE `releases` (
	`office_id` text NOT NULL,
	`date` text NOT NULL,
	`opens_at` integer NOT NULL,
	`release_at` integer NOT NULL,
	`seed` text,
	`drawn_at` integer,
	`drawn_entries` integer DEFAULT 0 NOT NULL,
	`arrivals` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`office_id`, `date`)
);
--> statement-breakpoint
CREATE TABLE `waiting_room_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`date` text NOT NULL,
	`token_hash` text NOT NULL,
	`joined_at` integer NOT NULL,
	`arrival` integer NOT NULL,
	`position` integer,
	`status` text DEFAULT 'waiting' NOT NULL,
	`admitted_at` integer,
	`admitted_until` integer,
	`used_at` integer,
	`booking_id` integer
);
--> statement-breakpoint
CREATE UNIQUE INDEX `waiting_room_arrival` ON `waiting_room_entries` (`office_id`,`date`,`arrival`);--> statement-breakpoint
CREATE INDEX `waiting_room_position` ON `waiting_room_entries` (`office_id`,`date`,`status`,`position`);--> statement-breakpoint
ALTER TABLE `bookings` ADD `hold_until` integer;--> statement-breakpoint
ALTER TABLE `bookings` ADD `otp_hash` text;--> statement-breakpoint
ALTER TABLE `bookings` ADD `confirmed_at` integer;--> statement-breakpoint
ALTER TABLE `bookings` ADD `urgent_reason` text;--> statement-breakpoint
CREATE INDEX `bookings_pending` ON `bookings` (`hold_until`) WHERE "bookings"."status" = 'pending';--> statement-breakpoint
ALTER TABLE `closures` ADD `reopen_notified_at` integer;--> statement-breakpoint
ALTER TABLE `notices` ADD `starts_on` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `ends_on` text;--> statement-breakpoint
ALTER TABLE `notices` ADD `targets` text DEFAULT 'board,booking,kiosk' NOT NULL;--> statement-breakpoint
ALTER TABLE `offices` ADD `issue_early_minutes` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `offices` ADD `release_time` text;--> statement-breakpoint
ALTER TABLE `offices` ADD `release_days_ahead` integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE `offices` ADD `waiting_room_minutes` integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE `offices` ADD `admission_minutes` integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE `services` ADD `blanko_reserve` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `tickets` ADD `urgent_reason` text;