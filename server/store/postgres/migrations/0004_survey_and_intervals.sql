CREATE TABLE "survey_responses" (
	"ticket_id" text PRIMARY KEY NOT NULL,
	"office_id" text NOT NULL,
	"service_id" integer NOT NULL,
	"date" text NOT NULL,
	"answered_at" bigint NOT NULL,
	"u1" integer NOT NULL,
	"u2" integer NOT NULL,
	"u3" integer NOT NULL,
	"u4" integer NOT NULL,
	"u5" integer NOT NULL,
	"u6" integer NOT NULL,
	"u7" integer NOT NULL,
	"u8" integer NOT NULL,
	"u9" integer NOT NULL,
	"comment" text DEFAULT '' NOT NULL
);
--> statement-breakpoint
ALTER TABLE "opening_hours" DROP CONSTRAINT "opening_hours_office_id_weekday_pk";--> statement-breakpoint
ALTER TABLE "opening_hours" ADD CONSTRAINT "opening_hours_office_id_weekday_open_pk" PRIMARY KEY("office_id","weekday","open");--> statement-breakpoint
CREATE INDEX "survey_responses_office_date" ON "survey_responses" USING btree ("office_id","date","service_id");