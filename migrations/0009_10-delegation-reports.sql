CREATE TABLE "delegation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"delegation_id" uuid NOT NULL,
	"text" text NOT NULL,
	"is_public" boolean DEFAULT true NOT NULL,
	"agenda_item_id" uuid,
	"placed_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "delegations" ADD COLUMN "role" text DEFAULT 'delegate' NOT NULL;--> statement-breakpoint
ALTER TABLE "delegation_reports" ADD CONSTRAINT "delegation_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reports" ADD CONSTRAINT "delegation_reports_delegation_id_delegations_id_fk" FOREIGN KEY ("delegation_id") REFERENCES "public"."delegations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reports" ADD CONSTRAINT "delegation_reports_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegation_reports" ADD CONSTRAINT "delegation_reports_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delegation_reports_delegation_idx" ON "delegation_reports" USING btree ("delegation_id");--> statement-breakpoint
CREATE INDEX "delegation_reports_waiting_idx" ON "delegation_reports" USING btree ("council_id","placed_at");