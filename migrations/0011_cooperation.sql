CREATE TABLE "meeting_partners" (
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partner_council_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "meeting_partners_meeting_id_partner_council_id_pk" PRIMARY KEY("meeting_id","partner_council_id")
);
--> statement-breakpoint
ALTER TABLE "meeting_partners" ADD CONSTRAINT "meeting_partners_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_partners" ADD CONSTRAINT "meeting_partners_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_partners" ADD CONSTRAINT "meeting_partners_partner_council_id_councils_id_fk" FOREIGN KEY ("partner_council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "meeting_partners_partner_idx" ON "meeting_partners" USING btree ("partner_council_id");