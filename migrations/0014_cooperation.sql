CREATE TABLE "cooperation_advice_sources" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"advice_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"source_id" uuid NOT NULL,
	"title" text NOT NULL,
	"owner_name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperation_advice_sources" ADD CONSTRAINT "cooperation_advice_sources_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_advice_sources" ADD CONSTRAINT "cooperation_advice_sources_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "public"."advices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_advice_sources" ADD CONSTRAINT "cooperation_advice_sources_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "cooperation_advice_sources_advice_idx" ON "cooperation_advice_sources" USING btree ("advice_id");