CREATE TABLE "bookings" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"code" text NOT NULL,
	"service_id" integer NOT NULL,
	"slot_id" integer NOT NULL,
	"date" text NOT NULL,
	"nik_hash" text,
	"nik_last4" text,
	"name" text,
	"phone" text,
	"status" text NOT NULL,
	"cancel_reason" text,
	"created_at" bigint NOT NULL,
	"cancelled_at" bigint,
	"checked_in_at" bigint,
	"created_by_user_id" integer,
	"erased_at" bigint
);
--> statement-breakpoint
CREATE TABLE "closures" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_id" integer,
	"from_date" text NOT NULL,
	"to_date" text,
	"reason" text NOT NULL,
	"action" text DEFAULT 'cancel' NOT NULL,
	"kind" text DEFAULT 'closure' NOT NULL,
	"created_by" integer,
	"created_at" bigint NOT NULL,
	"ended_at" bigint,
	"ended_by" integer
);
--> statement-breakpoint
CREATE TABLE "counter_services" (
	"counter_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "counter_services_counter_id_service_id_pk" PRIMARY KEY("counter_id","service_id")
);
--> statement-breakpoint
CREATE TABLE "counters" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"name" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"current_ticket_id" text,
	"booking_streak" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notices" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"text_id" text NOT NULL,
	"text_en" text DEFAULT '' NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offices" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"timezone" text NOT NULL,
	"room_capacity" integer,
	"booking_horizon_days" integer DEFAULT 14 NOT NULL,
	"booking_cutoff_minutes" integer DEFAULT 30 NOT NULL,
	"check_in_early_minutes" integer DEFAULT 30 NOT NULL,
	"max_active_bookings_per_nik" integer DEFAULT 3 NOT NULL,
	"one_per_service_per_day" boolean DEFAULT true NOT NULL,
	"walk_in_every" integer DEFAULT 3 NOT NULL,
	"recall_limit" integer DEFAULT 3 NOT NULL,
	"blanko_stock" integer DEFAULT 0 NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "opening_hours" (
	"office_id" text NOT NULL,
	"weekday" integer NOT NULL,
	"open" text NOT NULL,
	"close" text NOT NULL,
	CONSTRAINT "opening_hours_office_id_weekday_pk" PRIMARY KEY("office_id","weekday")
);
--> statement-breakpoint
CREATE TABLE "services" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"code" text NOT NULL,
	"name_id" text NOT NULL,
	"name_en" text NOT NULL,
	"requirements_id" text DEFAULT '' NOT NULL,
	"requirements_en" text DEFAULT '' NOT NULL,
	"bookable" boolean DEFAULT true NOT NULL,
	"walk_in" boolean DEFAULT true NOT NULL,
	"typical_minutes" integer DEFAULT 10 NOT NULL,
	"walk_in_quota" integer,
	"needs_blanko" boolean DEFAULT false NOT NULL,
	"service_group" text DEFAULT '' NOT NULL,
	"position" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slot_overrides" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_id" integer NOT NULL,
	"date" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slot_templates" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_id" integer NOT NULL,
	"weekday" integer NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"capacity" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "slots" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_id" integer NOT NULL,
	"date" text NOT NULL,
	"start" text NOT NULL,
	"end" text NOT NULL,
	"start_at" bigint NOT NULL,
	"end_at" bigint NOT NULL,
	"capacity" integer NOT NULL,
	"booked" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ticket_events" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"ticket_id" text NOT NULL,
	"type" text NOT NULL,
	"at" bigint NOT NULL,
	"counter_id" integer,
	"user_id" integer,
	"service_id" integer
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"date" text NOT NULL,
	"sequence" integer NOT NULL,
	"number" text NOT NULL,
	"issued_service_id" integer NOT NULL,
	"service_id" integer NOT NULL,
	"source" text NOT NULL,
	"booking_id" integer,
	"slot_start_at" bigint,
	"priority" text,
	"status" text NOT NULL,
	"counter_id" integer,
	"recall_count" integer DEFAULT 0 NOT NULL,
	"issued_at" bigint NOT NULL,
	"queued_at" bigint NOT NULL,
	"called_at" bigint,
	"last_called_at" bigint,
	"started_at" bigint,
	"completed_at" bigint,
	"no_show_at" bigint,
	"suket" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "whatsapp_contacts" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"label" text NOT NULL,
	"phone" text NOT NULL,
	"service_group" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
CREATE TABLE "kiosks" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"name" text NOT NULL,
	"token_hash" text NOT NULL,
	"created_at" bigint NOT NULL,
	"revoked_at" bigint,
	CONSTRAINT "kiosks_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" integer NOT NULL,
	"created_at" bigint NOT NULL,
	"last_seen_at" bigint NOT NULL,
	"ended_at" bigint
);
--> statement-breakpoint
CREATE TABLE "sign_in_failures" (
	"username" text PRIMARY KEY NOT NULL,
	"failures" integer NOT NULL,
	"last_failure_at" bigint NOT NULL,
	"locked_until" bigint
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"office_id" text,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" bigint NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text,
	"user_id" integer,
	"action" text NOT NULL,
	"target" text,
	"detail" text DEFAULT '{}' NOT NULL,
	"at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "notifications" (
	"id" serial PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"booking_id" integer,
	"channel" text NOT NULL,
	"recipient" text NOT NULL,
	"template" text NOT NULL,
	"payload" text NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" bigint NOT NULL,
	"lease_until" bigint,
	"dedupe_key" text,
	"last_error" text,
	"created_at" bigint NOT NULL,
	"sent_at" bigint
);
--> statement-breakpoint
CREATE TABLE "office_versions" (
	"office_id" text PRIMARY KEY NOT NULL,
	"version" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_days" (
	"office_id" text NOT NULL,
	"date" text NOT NULL,
	"timezone" text NOT NULL,
	"format" integer NOT NULL,
	"figures" text NOT NULL,
	"computed_at" bigint NOT NULL,
	CONSTRAINT "report_days_office_id_date_pk" PRIMARY KEY("office_id","date")
);
--> statement-breakpoint
CREATE TABLE "ticket_sequences" (
	"office_id" text NOT NULL,
	"date" text NOT NULL,
	"service_id" integer NOT NULL,
	"last" integer NOT NULL,
	CONSTRAINT "ticket_sequences_office_id_date_service_id_pk" PRIMARY KEY("office_id","date","service_id")
);
--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bookings" ADD CONSTRAINT "bookings_slot_id_slots_id_fk" FOREIGN KEY ("slot_id") REFERENCES "public"."slots"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "closures" ADD CONSTRAINT "closures_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_counter_id_counters_id_fk" FOREIGN KEY ("counter_id") REFERENCES "public"."counters"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counter_services" ADD CONSTRAINT "counter_services_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "counters" ADD CONSTRAINT "counters_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notices" ADD CONSTRAINT "notices_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_overrides" ADD CONSTRAINT "slot_overrides_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_overrides" ADD CONSTRAINT "slot_overrides_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_templates" ADD CONSTRAINT "slot_templates_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slot_templates" ADD CONSTRAINT "slot_templates_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "slots" ADD CONSTRAINT "slots_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_events" ADD CONSTRAINT "ticket_events_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_issued_service_id_services_id_fk" FOREIGN KEY ("issued_service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_service_id_services_id_fk" FOREIGN KEY ("service_id") REFERENCES "public"."services"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_booking_id_bookings_id_fk" FOREIGN KEY ("booking_id") REFERENCES "public"."bookings"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "whatsapp_contacts" ADD CONSTRAINT "whatsapp_contacts_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "kiosks" ADD CONSTRAINT "kiosks_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_office_id_offices_id_fk" FOREIGN KEY ("office_id") REFERENCES "public"."offices"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bookings_code" ON "bookings" USING btree ("code");--> statement-breakpoint
CREATE INDEX "bookings_nik" ON "bookings" USING btree ("office_id","nik_hash","status");--> statement-breakpoint
CREATE INDEX "bookings_slot" ON "bookings" USING btree ("slot_id","status");--> statement-breakpoint
CREATE INDEX "bookings_office_date" ON "bookings" USING btree ("office_id","date","status");--> statement-breakpoint
CREATE INDEX "bookings_unerased" ON "bookings" USING btree ("office_id","date") WHERE "bookings"."erased_at" IS NULL;--> statement-breakpoint
CREATE INDEX "closures_office" ON "closures" USING btree ("office_id","from_date");--> statement-breakpoint
CREATE UNIQUE INDEX "counters_office_name" ON "counters" USING btree ("office_id","name");--> statement-breakpoint
CREATE INDEX "counters_office" ON "counters" USING btree ("office_id");--> statement-breakpoint
CREATE INDEX "notices_office" ON "notices" USING btree ("office_id","active");--> statement-breakpoint
CREATE INDEX "offices_name" ON "offices" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "services_office_code" ON "services" USING btree ("office_id","code");--> statement-breakpoint
CREATE INDEX "services_office_position" ON "services" USING btree ("office_id","position","code");--> statement-breakpoint
CREATE INDEX "slot_overrides_service_date" ON "slot_overrides" USING btree ("service_id","date");--> statement-breakpoint
CREATE INDEX "slot_templates_service" ON "slot_templates" USING btree ("service_id","weekday");--> statement-breakpoint
CREATE UNIQUE INDEX "slots_service_date_start" ON "slots" USING btree ("service_id","date","start");--> statement-breakpoint
CREATE INDEX "slots_office_date" ON "slots" USING btree ("office_id","date");--> statement-breakpoint
CREATE INDEX "ticket_events_ticket" ON "ticket_events" USING btree ("ticket_id");--> statement-breakpoint
CREATE INDEX "ticket_events_office_at" ON "ticket_events" USING btree ("office_id","at");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_office_date_number" ON "tickets" USING btree ("office_id","date","number");--> statement-breakpoint
CREATE UNIQUE INDEX "tickets_office_date_service_seq" ON "tickets" USING btree ("office_id","date","issued_service_id","sequence");--> statement-breakpoint
CREATE INDEX "tickets_office_date_status" ON "tickets" USING btree ("office_id","date","status");--> statement-breakpoint
CREATE INDEX "tickets_office_date_issued" ON "tickets" USING btree ("office_id","date","issued_at");--> statement-breakpoint
CREATE INDEX "tickets_done_recent" ON "tickets" USING btree ("office_id","service_id","completed_at") WHERE "tickets"."status" = 'done' AND "tickets"."started_at" IS NOT NULL;--> statement-breakpoint
CREATE INDEX "tickets_booking" ON "tickets" USING btree ("booking_id");--> statement-breakpoint
CREATE INDEX "sessions_user" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "audit_office_at" ON "audit_log" USING btree ("office_id","at");--> statement-breakpoint
CREATE INDEX "notifications_due" ON "notifications" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE UNIQUE INDEX "notifications_dedupe" ON "notifications" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "notifications_office" ON "notifications" USING btree ("office_id","status");--> statement-breakpoint
CREATE INDEX "notifications_booking" ON "notifications" USING btree ("booking_id");