CREATE TABLE "cooperation_consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"topic" text NOT NULL,
	"shared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperation_consultations" ADD CONSTRAINT "cooperation_consultations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_consultations" ADD CONSTRAINT "cooperation_consultations_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_consultations" ADD CONSTRAINT "cooperation_consultations_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_consultations_unique" ON "cooperation_consultations" USING btree ("agreement_id","consultation_id");