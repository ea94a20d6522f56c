CREATE TABLE `office_versions` (
	`office_id` text PRIMARY KEY NOT NULL,
	`version` integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE `report_days` (
	`office_id` text NOT NULL,
	`date` text NOT NULL,
	`timezone` text NOT NULL,
	`format` integer NOT NULL,
	`figures` text NOT NULL,
	`computed_at` integer NOT NULL,
	PRIMARY KEY(`office_id`, `date`)
);
--> statement-breakpoint
CREATE INDEX `bookings_office_date` ON `bookings` (`office_id`,`date`,`status`);--> statement-breakpoint
CREATE INDEX `bookings_unerased` ON `bookings` (`office_id`,`date`) WHERE "bookings"."erased_at" IS NULL;--> statement-breakpoint
CREATE INDEX `closures_office` ON `closures` (`office_id`,`from_date`);--> statement-breakpoint
CREATE INDEX `counters_office` ON `counters` (`office_id`);--> statement-breakpoint
CREATE INDEX `notices_office` ON `notices` (`office_id`,`active`);--> statement-breakpoint
CREATE INDEX `notifications_booking` ON `notifications` (`booking_id`);--> statement-breakpoint
CREATE INDEX `offices_name` ON `offices` (`name`);--> statement-breakpoint
CREATE INDEX `services_office_position` ON `services` (`office_id`,`position`,`code`);--> statement-breakpoint
CREATE INDEX `slot_overrides_service_date` ON `slot_overrides` (`service_id`,`date`);--> statement-breakpoint
CREATE INDEX `slot_templates_service` ON `slot_templates` (`service_id`,`weekday`);--> statement-breakpoint
CREATE INDEX `tickets_office_date_issued` ON `tickets` (`office_id`,`date`,`issued_at`);--> statement-breakpoint
CREATE INDEX `tickets_done_recent` ON `tickets` (`office_id`,`service_id`,`completed_at`) WHERE "tickets"."status" = 'done' AND "tickets"."started_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX `tickets_booking` ON `tickets` (`booking_id`);