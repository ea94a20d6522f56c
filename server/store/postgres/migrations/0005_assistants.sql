ALTER TABLE "bookings" ADD COLUMN "contact_is_helper" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "contact_phone" text;