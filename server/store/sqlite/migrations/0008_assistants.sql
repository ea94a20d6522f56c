ALTER TABLE `bookings` ADD `contact_is_helper` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `users` ADD `contact_phone` text;