ALTER TABLE "campaign_nominations" DROP COLUMN "nominator_name";--> statement-breakpoint
ALTER TABLE "campaign_nominations" DROP COLUMN "nominator_role";--> statement-breakpoint
ALTER TABLE "campaign_nominations" DROP COLUMN "nominator_email";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "kickoff_at";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "kickoff_place";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "closing_at";--> statement-breakpoint
ALTER TABLE "campaigns" DROP COLUMN "closing_place";