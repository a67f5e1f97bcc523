CREATE TABLE "cooperation_contributions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"dossier_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"added_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "cooperation_contributions" ADD CONSTRAINT "cooperation_contributions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_contributions" ADD CONSTRAINT "cooperation_contributions_dossier_id_cooperation_dossiers_id_fk" FOREIGN KEY ("dossier_id") REFERENCES "public"."cooperation_dossiers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_contributions" ADD CONSTRAINT "cooperation_contributions_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_contributions" ADD CONSTRAINT "cooperation_contributions_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_contributions" ADD CONSTRAINT "cooperation_contributions_added_by_users_id_fk" FOREIGN KEY ("added_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_contributions_unique" ON "cooperation_contributions" USING btree ("dossier_id","document_id");--> statement-breakpoint
CREATE INDEX "cooperation_contributions_document_idx" ON "cooperation_contributions" USING btree ("document_id");