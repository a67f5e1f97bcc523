CREATE TABLE "campaign_criteria" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"question" text NOT NULL,
	"explanation" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_declarations" (
	"council_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"conflict" boolean NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_declarations_nomination_id_membership_id_pk" PRIMARY KEY("nomination_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_jurors" (
	"council_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "campaign_jurors_campaign_id_membership_id_pk" PRIMARY KEY("campaign_id","membership_id")
);
--> statement-breakpoint
CREATE TABLE "campaign_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"campaign_id" uuid NOT NULL,
	"municipality_code" text NOT NULL,
	"province" text NOT NULL,
	"co_nomination_of" uuid,
	"nominator_name" text NOT NULL,
	"nominator_role" text NOT NULL,
	"nominator_email" text NOT NULL,
	"motivations" jsonb NOT NULL,
	"file_hash" text,
	"file_name" text,
	"edit_token_hash" text NOT NULL,
	"selected" boolean DEFAULT false NOT NULL,
	"selection_motivation" text,
	"not_chosen_mailed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaign_scores" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"nomination_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"criterion_id" uuid NOT NULL,
	"score" integer NOT NULL,
	"motivation" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "campaigns" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"partner_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"opens_at" timestamp with time zone NOT NULL,
	"closes_at" timestamp with time zone NOT NULL,
	"phase" text DEFAULT 'nominations' NOT NULL,
	"kickoff_at" timestamp with time zone,
	"kickoff_place" text,
	"closing_at" timestamp with time zone,
	"closing_place" text,
	"uncovered_reason" text,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_adoptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"local_paragraph" text DEFAULT '' NOT NULL,
	"seen_version" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_article_versions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"article_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_articles" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"title_en" text,
	"summary_en" text,
	"body_en" text,
	"topic" text NOT NULL,
	"laws" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"format" text DEFAULT 'text' NOT NULL,
	"video_url" text,
	"captions_vtt" text,
	"sign_language_url" text,
	"transcript" text,
	"owner_user_id" uuid,
	"review_by" date NOT NULL,
	"review_reminder_for" date,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_forward_mails" (
	"outbox_id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_forwards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"key_hash" text NOT NULL,
	"item_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "knowledge_news" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"title" text NOT NULL,
	"summary" text NOT NULL,
	"body" text NOT NULL,
	"author_user_id" uuid,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "campaign_criteria" ADD CONSTRAINT "campaign_criteria_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_criteria" ADD CONSTRAINT "campaign_criteria_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_declarations" ADD CONSTRAINT "campaign_declarations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_declarations" ADD CONSTRAINT "campaign_declarations_nomination_id_campaign_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."campaign_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_declarations" ADD CONSTRAINT "campaign_declarations_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_jurors" ADD CONSTRAINT "campaign_jurors_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_jurors" ADD CONSTRAINT "campaign_jurors_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_jurors" ADD CONSTRAINT "campaign_jurors_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ADD CONSTRAINT "campaign_nominations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ADD CONSTRAINT "campaign_nominations_campaign_id_campaigns_id_fk" FOREIGN KEY ("campaign_id") REFERENCES "public"."campaigns"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_nominations" ADD CONSTRAINT "campaign_nominations_co_nomination_of_campaign_nominations_id_fk" FOREIGN KEY ("co_nomination_of") REFERENCES "public"."campaign_nominations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_scores" ADD CONSTRAINT "campaign_scores_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_scores" ADD CONSTRAINT "campaign_scores_nomination_id_campaign_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."campaign_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_scores" ADD CONSTRAINT "campaign_scores_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaign_scores" ADD CONSTRAINT "campaign_scores_criterion_id_campaign_criteria_id_fk" FOREIGN KEY ("criterion_id") REFERENCES "public"."campaign_criteria"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "campaigns" ADD CONSTRAINT "campaigns_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_adoptions" ADD CONSTRAINT "knowledge_adoptions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_adoptions" ADD CONSTRAINT "knowledge_adoptions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_article_id_knowledge_articles_id_fk" FOREIGN KEY ("article_id") REFERENCES "public"."knowledge_articles"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_article_versions" ADD CONSTRAINT "knowledge_article_versions_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_articles" ADD CONSTRAINT "knowledge_articles_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forward_mails" ADD CONSTRAINT "knowledge_forward_mails_outbox_id_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forward_mails" ADD CONSTRAINT "knowledge_forward_mails_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_forwards" ADD CONSTRAINT "knowledge_forwards_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_news" ADD CONSTRAINT "knowledge_news_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "knowledge_news" ADD CONSTRAINT "knowledge_news_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_nominations_token_idx" ON "campaign_nominations" USING btree ("edit_token_hash");--> statement-breakpoint
CREATE INDEX "campaign_nominations_campaign_idx" ON "campaign_nominations" USING btree ("campaign_id","municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_scores_once_idx" ON "campaign_scores" USING btree ("nomination_id","membership_id","criterion_id");--> statement-breakpoint
CREATE INDEX "campaigns_council_idx" ON "campaigns" USING btree ("council_id","opens_at");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_adoptions_uniq" ON "knowledge_adoptions" USING btree ("council_id","article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_versions_uniq" ON "knowledge_article_versions" USING btree ("article_id","version");--> statement-breakpoint
CREATE INDEX "knowledge_articles_council_idx" ON "knowledge_articles" USING btree ("council_id","updated_at");--> statement-breakpoint
CREATE INDEX "knowledge_forwards_key_idx" ON "knowledge_forwards" USING btree ("key_hash","at");--> statement-breakpoint
CREATE INDEX "knowledge_forwards_item_idx" ON "knowledge_forwards" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "knowledge_news_council_idx" ON "knowledge_news" USING btree ("council_id","published_at");