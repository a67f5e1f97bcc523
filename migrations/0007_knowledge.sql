ALTER TABLE "experience_submissions" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "experience_submissions" CASCADE;--> statement-breakpoint
DROP INDEX "cooperation_agreements_name_unique";--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD COLUMN "folder_name" text NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_agreements_name_unique" ON "cooperation_agreements" USING btree ("name");