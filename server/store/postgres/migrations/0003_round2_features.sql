CREATE TABLE "releases" (
	"office_id" text NOT NULL,
	"date" text NOT NULL,
	"opens_at" bigint NOT NULL,
	"release_at" bigint NOT NULL,
	"seed" text,
	"drawn_at" bigint,
	"drawn_entries" integer DEFAULT 0 NOT NULL,
	"arrivals" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "releases_office_id_date_pk" PRIMARY KEY("office_id","date")
);
--> statement-breakpoint
CREATE TABLE "waiting_room_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"date" text NOT NULL,
	"token_hash" text NOT NULL,
	"joined_at" bigint NOT NULL,
	"arrival" integer NOT NULL,
	"position" integer,
	"status" text DEFAULT 'waiting' NOT NULL,
	"admitted_at" bigint,
	"admitted_until" bigint,
	"used_at" bigint,
	"booking_id" integer
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "hold_until" bigint;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "otp_hash" text;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "confirmed_at" bigint;--> statement-breakpoint
ALTER TABLE "bookings" ADD COLUMN "urgent_reason" text;--> statement-breakpoint
ALTER TABLE "closures" ADD COLUMN "reopen_notified_at" bigint;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "starts_on" text;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "ends_on" text;--> statement-breakpoint
ALTER TABLE "notices" ADD COLUMN "targets" text DEFAULT 'board,booking,kiosk' NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "issue_early_minutes" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "release_time" text;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "release_days_ahead" integer DEFAULT 7 NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "waiting_room_minutes" integer DEFAULT 15 NOT NULL;--> statement-breakpoint
ALTER TABLE "offices" ADD COLUMN "admission_minutes" integer DEFAULT 10 NOT NULL;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "blanko_reserve" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "tickets" ADD COLUMN "urgent_reason" text;--> statement-breakpoint
CREATE UNIQUE INDEX "waiting_room_arrival" ON "waiting_room_entries" USING btree ("office_id","date","arrival");--> statement-breakpoint
CREATE INDEX "waiting_room_position" ON "waiting_room_entries" USING btree ("office_id","date","status","position");--> statement-breakpoint
CREATE INDEX "bookings_pending" ON "bookings" USING btree ("hold_until") WHERE "bookings"."status" = 'pending';