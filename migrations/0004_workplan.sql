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
CREATE TABLE "cooperation_dossiers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"folder_id" uuid NOT NULL,
	"level" text NOT NULL,
	"shared_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
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
CREATE TABLE "experience_submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"key_hash" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
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
ALTER TABLE "cooperation_parties" ADD CONSTRAINT "cooperation_parties_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_parties" ADD CONSTRAINT "cooperation_parties_party_council_id_councils_id_fk" FOREIGN KEY ("party_council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_parties" ADD CONSTRAINT "cooperation_parties_accepted_by_users_id_fk" FOREIGN KEY ("accepted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_reminders" ADD CONSTRAINT "cooperation_reminders_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_agreements" ADD CONSTRAINT "cooperation_agreements_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_agreements" ADD CONSTRAINT "cooperation_agreements_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_agreement_id_cooperation_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."cooperation_agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_folder_id_document_folders_id_fk" FOREIGN KEY ("folder_id") REFERENCES "public"."document_folders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cooperation_dossiers" ADD CONSTRAINT "cooperation_dossiers_shared_by_users_id_fk" FOREIGN KEY ("shared_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
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
CREATE UNIQUE INDEX "cooperation_parties_unique" ON "cooperation_parties" USING btree ("agreement_id","party_council_id");--> statement-breakpoint
CREATE INDEX "cooperation_parties_council_idx" ON "cooperation_parties" USING btree ("party_council_id");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_reminders_unique" ON "cooperation_reminders" USING btree ("agreement_id","about","due_on","days_before");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_agreements_name_unique" ON "cooperation_agreements" USING btree ("council_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "cooperation_dossiers_unique" ON "cooperation_dossiers" USING btree ("agreement_id","folder_id");--> statement-breakpoint
CREATE INDEX "cooperation_dossiers_folder_idx" ON "cooperation_dossiers" USING btree ("folder_id");--> statement-breakpoint
CREATE INDEX "consultations_council_date_idx" ON "consultations" USING btree ("council_id","held_on");--> statement-breakpoint
CREATE INDEX "delegations_council_idx" ON "delegations" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "experience_submissions_key_idx" ON "experience_submissions" USING btree ("key_hash","at");--> statement-breakpoint
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
CREATE UNIQUE INDEX "annual_reports_version_unique" ON "annual_reports" USING btree ("council_id","year","version");--> statement-breakpoint
CREATE INDEX "workplan_notes_topic_idx" ON "workplan_notes" USING btree ("topic_id","noted_on");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_platform_consent_unique" ON "workplan_platform_consent" USING btree ("council_id");--> statement-breakpoint
CREATE INDEX "workplan_tags_record_idx" ON "workplan_tags" USING btree ("council_id","record_id");--> statement-breakpoint
CREATE INDEX "workplan_topics_plan_idx" ON "workplan_topics" USING btree ("plan_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_topics_carried_unique" ON "workplan_topics" USING btree ("carried_from_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplan_votes_once_unique" ON "workplan_votes" USING btree ("subject_id","round","membership_id");--> statement-breakpoint
CREATE UNIQUE INDEX "workplans_council_year_unique" ON "workplans" USING btree ("council_id","year");