ALTER TABLE "knowledge_articles" ADD COLUMN "video_file" text;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD COLUMN "video_type" text;