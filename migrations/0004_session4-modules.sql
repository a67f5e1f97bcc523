CREATE TABLE "rate_limit_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer DEFAULT 1 NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "public_form_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"form" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"held_sealed" text
);
--> statement-breakpoint
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
CREATE TABLE "cooperation_parties" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"party_council_id" uuid,
	"outside_name" text,
	"contribution" text DEFAULT '' NOT NULL,
	"accepted_at" timestamp with time zone,
	"accepted_by" uuid
);
--> statement-breakpoint
CREATE TABLE "cooperation_reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"about" text NOT NULL,
	"due_on" date NOT NULL,
	"days_before" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cooperation_agreements" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"title" text NOT NULL,
	"purpose" text NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date NOT NULL,
	"term_months" integer DEFAULT 12 NOT NULL,
	"renewal" text NOT NULL,
	"notice_days" integer NOT NULL,
	"state" text DEFAULT 'draft' NOT NULL,
	"notice_given_at" timestamp with time zone,
	"is_public" boolean DEFAULT true NOT NULL,
	"signed_file_hash" text,
	"signed_file_name" text,
	"created_by" uuid,
	"ended_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
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
CREATE TABLE "cooperation_dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"folder_name" text NOT NULL,
	"level" text NOT NULL,
	"shared_by" uuid,
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
CREATE TABLE "meeting_partners" (
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"partner_council_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"accepted_at" timestamp with time zone,
	CONSTRAINT "meeting_partners_meeting_id_partner_council_id_pk" PRIMARY KEY("meeting_id","partner_council_id")
);
--> statement-breakpoint
CREATE TABLE "meeting_packets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"meeting_id" uuid NOT NULL,
	"key" text NOT NULL,
	"status" text NOT NULL,
	"file_hash" text,
	"pages" integer,
	"error" text DEFAULT '' NOT NULL,
	"claimed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"built_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "consultation_invites" (
	"council_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "consultation_invites_consultation_id_contact_id_pk" PRIMARY KEY("consultation_id","contact_id")
);
--> statement-breakpoint
CREATE TABLE "consultation_organisations" (
	"council_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"attended" boolean DEFAULT false NOT NULL,
	CONSTRAINT "consultation_organisations_consultation_id_organisation_id_pk" PRIMARY KEY("consultation_id","organisation_id")
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"topic" text NOT NULL,
	"held_on" date NOT NULL,
	"start_time" text DEFAULT '' NOT NULL,
	"end_time" text DEFAULT '' NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"agenda_item_id" uuid,
	"is_public" boolean DEFAULT false NOT NULL,
	"closes_on" date,
	"head_count" integer,
	"report" text DEFAULT '' NOT NULL,
	"uid" text NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "delegations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"membership_id" uuid NOT NULL,
	"body_council_id" uuid,
	"body_name" text DEFAULT '' NOT NULL,
	"starts_on" date NOT NULL,
	"ends_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "experience_contacts" (
	"experience_id" uuid PRIMARY KEY NOT NULL,
	"council_id" uuid NOT NULL,
	"name_sealed" text,
	"email_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "experiences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"text" text NOT NULL,
	"policy_field" text,
	"target_group" text DEFAULT '' NOT NULL,
	"area" text DEFAULT '' NOT NULL,
	"source" text NOT NULL,
	"consultation_id" uuid,
	"advice_id" uuid,
	"wants_feedback" boolean DEFAULT false NOT NULL,
	"feedback_sent_at" timestamp with time zone,
	"recorded_by_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_access_log" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"contact_id" uuid,
	"experience_id" uuid,
	"user_id" uuid,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"contact_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"given_on" date NOT NULL,
	"expires_on" date NOT NULL,
	"source" text NOT NULL,
	"text_version" text NOT NULL,
	"recorded_by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	"reminded_30_at" timestamp with time zone,
	"reminded_7_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_contacts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"organisation_id" uuid NOT NULL,
	"role" text DEFAULT '' NOT NULL,
	"private_person" boolean DEFAULT false NOT NULL,
	"name_sealed" text,
	"email_sealed" text,
	"phone_sealed" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"erased_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "network_organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"name_key" text NOT NULL,
	"type" text NOT NULL,
	"custom_type_id" uuid,
	"address" text DEFAULT '' NOT NULL,
	"website" text DEFAULT '' NOT NULL,
	"policy_fields" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"target_groups" text DEFAULT '' NOT NULL,
	"listed" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_settings" (
	"council_id" uuid PRIMARY KEY NOT NULL,
	"consent_months" integer DEFAULT 24 NOT NULL,
	"experience_contact_months" integer DEFAULT 24 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "network_types" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_moment_shifts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"moment_id" uuid NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date NOT NULL,
	"reason" text DEFAULT '' NOT NULL,
	"by_user_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_moments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"expected_on" date NOT NULL,
	"recurrence_years" integer,
	"working_group_id" uuid,
	"status" text DEFAULT 'expected' NOT NULL,
	"remind_weeks" integer DEFAULT 12 NOT NULL,
	"reminded_for" date,
	"advice_id" uuid,
	"is_public" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"foreword" text DEFAULT '' NOT NULL,
	"texts" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"figures" jsonb NOT NULL,
	"generated_at" timestamp with time zone NOT NULL,
	"approval_round" integer DEFAULT 0 NOT NULL,
	"approved_at" timestamp with time zone,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"noted_on" date NOT NULL,
	"text" text NOT NULL,
	"author_user_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_platform_consent" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"given_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_tags" (
	"council_id" uuid NOT NULL,
	"topic_id" uuid NOT NULL,
	"record_id" uuid NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "workplan_tags_topic_id_record_id_pk" PRIMARY KEY("topic_id","record_id")
);
--> statement-breakpoint
CREATE TABLE "workplan_topics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"plan_id" uuid NOT NULL,
	"title" text NOT NULL,
	"policy_field" text NOT NULL,
	"working_group_id" uuid,
	"aim" text DEFAULT '' NOT NULL,
	"planned_quarter" integer,
	"status" text DEFAULT 'planned' NOT NULL,
	"drop_reason" text DEFAULT '' NOT NULL,
	"carried_from_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplan_votes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"subject_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"membership_id" uuid NOT NULL,
	"vote" text NOT NULL,
	"remark" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "workplans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"approval_round" integer DEFAULT 0 NOT NULL,
	"approved_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "html" text;--> statement-breakpoint
ALTER TABLE "meetings" ADD COLUMN "cancelled_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "public_form_posts" ADD CONSTRAINT "public_form_posts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "cooperation_advice_sources" ADD CONSTRAINT "cooperation_advice_sources_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_advice_sources" ADD CONSTRAINT "cooperation_advice_sources_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "public"."advices"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_advice_sources" ADD CONSTRAINT "cooperation_advice_sources_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_parties" ADD CONSTRAINT "cooperation_parties_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_parties" ADD CONSTRAINT "cooperation_parties_party_council_id_councils_id_fk" FOREIGN KEY ("party_council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_parties" ADD CONSTRAINT "cooperation_parties_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_reminders" ADD CONSTRAINT "cooperation_reminders_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_agreements" ADD CONSTRAINT "cooperation_agreements_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_agreements" ADD CONSTRAINT "cooperation_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_consultations" ADD CONSTRAINT "cooperation_consultations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_consultations" ADD CONSTRAINT "cooperation_consultations_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_consultations" ADD CONSTRAINT "cooperation_consultations_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_folder_id_document_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."document_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
ALTER TABLE "meeting_partners" ADD CONSTRAINT "meeting_partners_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_partners" ADD CONSTRAINT "meeting_partners_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_partners" ADD CONSTRAINT "meeting_partners_partner_council_id_councils_id_fk" FOREIGN KEY ("partner_council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_packets" ADD CONSTRAINT "meeting_packets_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "meeting_packets" ADD CONSTRAINT "meeting_packets_meeting_id_meetings_id_fk" FOREIGN KEY ("meeting_id") REFERENCES "public"."meetings"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invites" ADD CONSTRAINT "consultation_invites_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invites" ADD CONSTRAINT "consultation_invites_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_invites" ADD CONSTRAINT "consultation_invites_contact_id_network_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."network_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_organisations" ADD CONSTRAINT "consultation_organisations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_organisations" ADD CONSTRAINT "consultation_organisations_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultation_organisations" ADD CONSTRAINT "consultation_organisations_organisation_id_network_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."network_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_agenda_item_id_agenda_items_id_fk" FOREIGN KEY ("agenda_item_id") REFERENCES "public"."agenda_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "delegations" ADD CONSTRAINT "delegations_body_council_id_councils_id_fk" FOREIGN KEY ("body_council_id") REFERENCES "public"."councils"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_contacts" ADD CONSTRAINT "experience_contacts_experience_id_experiences_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."experiences"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experience_contacts" ADD CONSTRAINT "experience_contacts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_advice_id_advices_id_fk" FOREIGN KEY ("advice_id") REFERENCES "public"."advices"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "experiences" ADD CONSTRAINT "experiences_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_access_log" ADD CONSTRAINT "network_access_log_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_access_log" ADD CONSTRAINT "network_access_log_contact_id_network_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."network_contacts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_access_log" ADD CONSTRAINT "network_access_log_experience_id_experiences_id_fk" FOREIGN KEY ("experience_id") REFERENCES "public"."experiences"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_access_log" ADD CONSTRAINT "network_access_log_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_consents" ADD CONSTRAINT "network_consents_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_consents" ADD CONSTRAINT "network_consents_contact_id_network_contacts_id_fk" FOREIGN KEY ("contact_id") REFERENCES "public"."network_contacts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_consents" ADD CONSTRAINT "network_consents_recorded_by_user_id_users_id_fk" FOREIGN KEY ("recorded_by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_contacts" ADD CONSTRAINT "network_contacts_organisation_id_network_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."network_organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_organisations" ADD CONSTRAINT "network_organisations_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_organisations" ADD CONSTRAINT "network_organisations_custom_type_id_network_types_id_fk" FOREIGN KEY ("custom_type_id") REFERENCES "public"."network_types"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_settings" ADD CONSTRAINT "network_settings_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "network_types" ADD CONSTRAINT "network_types_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moment_shifts" ADD CONSTRAINT "policy_moment_shifts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moment_shifts" ADD CONSTRAINT "policy_moment_shifts_moment_id_policy_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."policy_moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moment_shifts" ADD CONSTRAINT "policy_moment_shifts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moments" ADD CONSTRAINT "policy_moments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moments" ADD CONSTRAINT "policy_moments_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_notes" ADD CONSTRAINT "workplan_notes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_notes" ADD CONSTRAINT "workplan_notes_topic_id_workplan_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."workplan_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_notes" ADD CONSTRAINT "workplan_notes_author_user_id_users_id_fk" FOREIGN KEY ("author_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_platform_consent" ADD CONSTRAINT "workplan_platform_consent_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_platform_consent" ADD CONSTRAINT "workplan_platform_consent_given_by_users_id_fk" FOREIGN KEY ("given_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_tags" ADD CONSTRAINT "workplan_tags_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_tags" ADD CONSTRAINT "workplan_tags_topic_id_workplan_topics_id_fk" FOREIGN KEY ("topic_id") REFERENCES "public"."workplan_topics"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_topics" ADD CONSTRAINT "workplan_topics_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_topics" ADD CONSTRAINT "workplan_topics_plan_id_workplans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."workplans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_topics" ADD CONSTRAINT "workplan_topics_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_votes" ADD CONSTRAINT "workplan_votes_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplan_votes" ADD CONSTRAINT "workplan_votes_membership_id_memberships_id_fk" FOREIGN KEY ("membership_id") REFERENCES "public"."memberships"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "workplans" ADD CONSTRAINT "workplans_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_form_posts_council_idx" ON "public_form_posts" USING btree ("council_id","form","at");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_nominations_token_idx" ON "campaign_nominations" USING btree ("edit_token_hash");--> statement-breakpoint
CREATE INDEX "campaign_nominations_campaign_idx" ON "campaign_nominations" USING btree ("campaign_id","municipality_code");--> statement-breakpoint
CREATE UNIQUE INDEX "campaign_scores_once_idx" ON "campaign_scores" USING btree ("nomination_id","membership_id","criterion_id");--> statement-breakpoint
CREATE INDEX "campaigns_council_idx" ON "campaigns" USING btree ("council_id","opens_at");--> statement-breakpoint
CREATE INDEX "cooperation_advice_sources_advice_idx" ON "cooperation_advice_sources" USING btree ("advice_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_parties_unique" ON "cooperation_parties" USING btree ("agreement_id","party_council_id");--> statement-breakpoint
CREATE INDEX "cooperation_parties_council_idx" ON "cooperation_parties" USING btree ("party_council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_reminders_unique" ON "cooperation_reminders" USING btree ("agreement_id","about","due_on","days_before");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_agreements_name_unique" ON "cooperation_agreements" USING btree ("name");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_consultations_unique" ON "cooperation_consultations" USING btree ("agreement_id","consultation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_dossiers_unique" ON "cooperation_dossiers" USING btree ("agreement_id","folder_id");--> statement-breakpoint
CREATE INDEX "cooperation_dossiers_folder_idx" ON "cooperation_dossiers" USING btree ("folder_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_adoptions_uniq" ON "knowledge_adoptions" USING btree ("council_id","article_id");--> statement-breakpoint
CREATE UNIQUE INDEX "knowledge_article_versions_uniq" ON "knowledge_article_versions" USING btree ("article_id","version");--> statement-breakpoint
CREATE INDEX "knowledge_articles_council_idx" ON "knowledge_articles" USING btree ("council_id","updated_at");--> statement-breakpoint
CREATE INDEX "knowledge_articles_search_idx" ON "knowledge_articles" USING gin (to_tsvector('dutch', "title" || ' ' || "summary" || ' ' || "body"));--> statement-breakpoint
CREATE INDEX "knowledge_forwards_key_idx" ON "knowledge_forwards" USING btree ("key_hash","at");--> statement-breakpoint
CREATE INDEX "knowledge_forwards_item_idx" ON "knowledge_forwards" USING btree ("item_id","at");--> statement-breakpoint
CREATE INDEX "knowledge_news_council_idx" ON "knowledge_news" USING btree ("council_id","published_at");--> statement-breakpoint
CREATE INDEX "meeting_partners_partner_idx" ON "meeting_partners" USING btree ("partner_council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "meeting_packets_key_unique" ON "meeting_packets" USING btree ("council_id","meeting_id","key");--> statement-breakpoint
CREATE INDEX "consultations_council_date_idx" ON "consultations" USING btree ("council_id","held_on");--> statement-breakpoint
CREATE INDEX "delegations_council_idx" ON "delegations" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "experiences_council_idx" ON "experiences" USING btree ("council_id","created_at");--> statement-breakpoint
CREATE INDEX "experiences_advice_idx" ON "experiences" USING btree ("advice_id");--> statement-breakpoint
CREATE INDEX "experiences_consultation_idx" ON "experiences" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "network_access_log_council_idx" ON "network_access_log" USING btree ("council_id","at");--> statement-breakpoint
CREATE INDEX "network_consents_contact_idx" ON "network_consents" USING btree ("contact_id","purpose");--> statement-breakpoint
CREATE INDEX "network_consents_council_expiry_idx" ON "network_consents" USING btree ("council_id","expires_on");--> statement-breakpoint
CREATE INDEX "network_contacts_org_idx" ON "network_contacts" USING btree ("organisation_id");--> statement-breakpoint
CREATE UNIQUE INDEX "network_organisations_council_name_unique" ON "network_organisations" USING btree ("council_id","name_key");--> statement-breakpoint
CREATE INDEX "network_organisations_council_type_idx" ON "network_organisations" USING btree ("council_id","type");--> statement-breakpoint
CREATE UNIQUE INDEX "network_types_council_name_unique" ON "network_types" USING btree ("council_id","name");--> statement-breakpoint
CREATE INDEX "policy_moments_council_idx" ON "policy_moments" USING btree ("council_id","expected_on");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_version_unique" ON "annual_reports" USING btree ("council_id","year","version");--> statement-breakpoint
CREATE INDEX "workplan_notes_topic_idx" ON "workplan_notes" USING btree ("topic_id","noted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_platform_consent_unique" ON "workplan_platform_consent" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "workplan_tags_record_idx" ON "workplan_tags" USING btree ("council_id","record_id");--> statement-breakpoint
CREATE INDEX "workplan_topics_plan_idx" ON "workplan_topics" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_topics_carried_unique" ON "workplan_topics" USING btree ("carried_from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_votes_once_unique" ON "workplan_votes" USING btree ("subject_id","round","membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplans_council_year_unique" ON "workplans" USING btree ("council_id","year");