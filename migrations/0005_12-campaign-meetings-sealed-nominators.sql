ALTER TABLE "campaign_nominations" ALTER COLUMN "nominator_name" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ALTER COLUMN "nominator_role" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ALTER COLUMN "nominator_email" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ADD COLUMN "nominator_sealed" text;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ADD COLUMN "nominator_erased_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "kickoff_meeting_id" uuid;--> statement-breakpoint
ALTER TABLE "campaigns" ADD COLUMN "closing_meeting_id" uuid;--> statement-breakpoint
-- Issue 12: the kick-off and closing meetings become meetings of the meetings module (three hours, as the old feed had them).
UPDATE "campaigns" SET "kickoff_meeting_id" = gen_random_uuid() WHERE "kickoff_at" IS NOT NULL;--> statement-breakpoint
UPDATE "campaigns" SET "closing_meeting_id" = gen_random_uuid() WHERE "closing_at" IS NOT NULL;--> statement-breakpoint
INSERT INTO "meetings" ("id", "council_id", "uid", "title", "starts_at", "ends_at", "location")
  SELECT "kickoff_meeting_id", "council_id", "kickoff_meeting_id"::text || '@raadwerk', 'Startbijeenkomst: ' || "title", "kickoff_at", "kickoff_at" + interval '3 hours', coalesce("kickoff_place", '')
  FROM "campaigns" WHERE "kickoff_meeting_id" IS NOT NULL;--> statement-breakpoint
INSERT INTO "meetings" ("id", "council_id", "uid", "title", "starts_at", "ends_at", "location")
  SELECT "closing_meeting_id", "council_id", "closing_meeting_id"::text || '@raadwerk', 'Slotbijeenkomst: ' || "title", "closing_at", "closing_at" + interval '3 hours', coalesce("closing_place", '')
  FROM "campaigns" WHERE "closing_meeting_id" IS NOT NULL;--> statement-breakpoint
-- Nominators' details cannot be sealed in SQL (the key is the application's): they are marked as
-- plain here and sealed by the campaigns' retention job on its first run (campaigns.privacy.ts).
UPDATE "campaign_nominations" SET "nominator_sealed" = 'plain:' || json_build_object('name', "nominator_name", 'role', "nominator_role", 'email', "nominator_email")::text WHERE "nominator_name" IS NOT NULL;
