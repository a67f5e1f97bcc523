CREATE TABLE "form_drafts" (
	"id_hash" text PRIMARY KEY NOT NULL,
	"path" text NOT NULL,
	"sealed" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "form_drafts_expires_idx" ON "form_drafts" USING btree ("expires_at");