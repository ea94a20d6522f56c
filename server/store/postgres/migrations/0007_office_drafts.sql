ALTER TABLE "offices" ADD COLUMN "published_at" bigint;--> statement-breakpoint
-- Offices that existed before drafts were published already: they stay listed.
UPDATE "offices" SET "published_at" = "created_at";
