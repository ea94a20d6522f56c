CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text,
	`user_id` integer,
	`action` text NOT NULL,
	`target` text,
	`detail` text DEFAULT '{}' NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_office_at` ON `audit_log` (`office_id`,`at`);--> statement-breakpoint
CREATE TABLE `bookings` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`code` text NOT NULL,
	`service_id` integer NOT NULL,
	`slot_id` integer NOT NULL,
	`date` text NOT NULL,
	`nik_hash` text,
	`nik_last4` text,
	`name` text,
	`phone` text,
	`status` text NOT NULL,
	`cancel_reason` text,
	`created_at` integer NOT NULL,
	`cancelled_at` integer,
	`checked_in_at` integer,
	`created_by_user_id` integer,
	`erased_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `slots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bookings_code` ON `bookings` (`code`);--> statement-breakpoint
CREATE INDEX `bookings_nik` ON `bookings` (`office_id`,`nik_hash`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_slot` ON `bookings` (`slot_id`,`status`);--> statement-breakpoint
CREATE TABLE `closures` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`service_id` integer,
	`from_date` text NOT NULL,
	`to_date` text,
	`reason` text NOT NULL,
	`action` text DEFAULT 'cancel' NOT NULL,
	`created_by` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `counter_services` (
	`counter_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`counter_id`, `service_id`),
	FOREIGN KEY (`counter_id`) REFERENCES `counters`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `counters` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`name` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`current_ticket_id` text,
	`booking_streak` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `counters_office_name` ON `counters` (`office_id`,`name`);--> statement-breakpoint
CREATE TABLE `kiosks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`name` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` integer NOT NULL,
	`revoked_at` integer,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `kiosks_token_hash_unique` ON `kiosks` (`token_hash`);--> statement-breakpoint
CREATE TABLE `notices` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`text_id` text NOT NULL,
	`text_en` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`booking_id` integer,
	`channel` text NOT NULL,
	`recipient` text NOT NULL,
	`template` text NOT NULL,
	`payload` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`created_at` integer NOT NULL,
	`sent_at` integer
);
--> statement-breakpoint
CREATE INDEX `notifications_due` ON `notifications` (`status`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `offices` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`timezone` text NOT NULL,
	`room_capacity` integer,
	`booking_horizon_days` integer DEFAULT 14 NOT NULL,
	`booking_cutoff_minutes` integer DEFAULT 30 NOT NULL,
	`check_in_early_minutes` integer DEFAULT 30 NOT NULL,
	`max_active_bookings_per_nik` integer DEFAULT 3 NOT NULL,
	`one_per_service_per_day` integer DEFAULT true NOT NULL,
	`walk_in_every` integer DEFAULT 3 NOT NULL,
	`recall_limit` integer DEFAULT 3 NOT NULL,
	`blanko_stock` integer DEFAULT 0 NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `opening_hours` (
	`office_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`open` text NOT NULL,
	`close` text NOT NULL,
	PRIMARY KEY(`office_id`, `weekday`),
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `services` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`code` text NOT NULL,
	`name_id` text NOT NULL,
	`name_en` text NOT NULL,
	`requirements_id` text DEFAULT '' NOT NULL,
	`requirements_en` text DEFAULT '' NOT NULL,
	`bookable` integer DEFAULT true NOT NULL,
	`walk_in` integer DEFAULT true NOT NULL,
	`typical_minutes` integer DEFAULT 10 NOT NULL,
	`walk_in_quota` integer,
	`needs_blanko` integer DEFAULT false NOT NULL,
	`position` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `services_office_code` ON `services` (`office_id`,`code`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` integer NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ended_at` integer,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_user` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `slot_overrides` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`date` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`capacity` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `slot_templates` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`weekday` integer NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`capacity` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `slots` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`date` text NOT NULL,
	`start` text NOT NULL,
	`end` text NOT NULL,
	`start_at` integer NOT NULL,
	`end_at` integer NOT NULL,
	`capacity` integer NOT NULL,
	`booked` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `slots_service_date_start` ON `slots` (`service_id`,`date`,`start`);--> statement-breakpoint
CREATE INDEX `slots_office_date` ON `slots` (`office_id`,`date`);--> statement-breakpoint
CREATE TABLE `ticket_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`ticket_id` text NOT NULL,
	`type` text NOT NULL,
	`at` integer NOT NULL,
	`counter_id` integer,
	`user_id` integer,
	`service_id` integer,
	FOREIGN KEY (`ticket_id`) REFERENCES `tickets`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ticket_events_ticket` ON `ticket_events` (`ticket_id`);--> statement-breakpoint
CREATE INDEX `ticket_events_office_at` ON `ticket_events` (`office_id`,`at`);--> statement-breakpoint
CREATE TABLE `tickets` (
	`id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`date` text NOT NULL,
	`sequence` integer NOT NULL,
	`number` text NOT NULL,
	`issued_service_id` integer NOT NULL,
	`service_id` integer NOT NULL,
	`source` text NOT NULL,
	`booking_id` integer,
	`slot_start_at` integer,
	`priority` text,
	`status` text NOT NULL,
	`counter_id` integer,
	`recall_count` integer DEFAULT 0 NOT NULL,
	`issued_at` integer NOT NULL,
	`queued_at` integer NOT NULL,
	`called_at` integer,
	`last_called_at` integer,
	`started_at` integer,
	`completed_at` integer,
	`no_show_at` integer,
	`suket` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`issued_service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`service_id`) REFERENCES `services`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`booking_id`) REFERENCES `bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_office_date_number` ON `tickets` (`office_id`,`date`,`number`);--> statement-breakpoint
CREATE UNIQUE INDEX `tickets_office_date_service_seq` ON `tickets` (`office_id`,`date`,`issued_service_id`,`sequence`);--> statement-breakpoint
CREATE INDEX `tickets_office_date_status` ON `tickets` (`office_id`,`date`,`status`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`username` text NOT NULL,
	`display_name` text NOT NULL,
	`password_hash` text NOT NULL,
	`role` text NOT NULL,
	`office_id` text,
	`disabled` integer DEFAULT false NOT NULL,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_username_unique` ON `users` (`username`);--> statement-breakpoint
CREATE TABLE `whatsapp_contacts` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`office_id` text NOT NULL,
	`label` text NOT NULL,
	`phone` text NOT NULL,
	`service_group` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
