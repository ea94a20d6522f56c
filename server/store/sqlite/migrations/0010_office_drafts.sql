ALTER TABLE `offices` ADD `published_at` integer;--> statement-breakpoint
-- Offices that existed before drafts were published already: they stay listed.
UPDATE `offices` SET `published_at` = `created_at`;
