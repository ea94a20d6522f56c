CREATE TABLE `survey_responses` (
	`ticket_id` text PRIMARY KEY NOT NULL,
	`office_id` text NOT NULL,
	`service_id` integer NOT NULL,
	`date` text NOT NULL,
	`answered_at` integer NOT NULL,
	`u1` integer NOT NULL,
	`u2` integer NOT NULL,
	`u3` integer NOT NULL,
	`u4` integer NOT NULL,
	`u5` integer NOT NULL,
	`u6` integer NOT NULL,
	`u7` integer NOT NULL,
	`u8` integer NOT NULL,
	`u9` integer NOT NULL,
	`comment` text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `survey_responses_office_date` ON `survey_responses` (`office_id`,`date`,`service_id`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_opening_hours` (
	`office_id` text NOT NULL,
	`weekday` integer NOT NULL,
	`open` text NOT NULL,
	`close` text NOT NULL,
	PRIMARY KEY(`office_id`, `weekday`, `open`),
	FOREIGN KEY (`office_id`) REFERENCES `offices`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
INSERT INTO `__new_opening_hours`("office_id", "weekday", "open", "close") SELECT "office_id", "weekday", "open", "close" FROM `opening_hours`;--> statement-breakpoint
DROP TABLE `opening_hours`;--> statement-breakpoint
ALTER TABLE `__new_opening_hours` RENAME TO `opening_hours`;--> statement-breakpoint
PRAGMA foreign_keys=ON;