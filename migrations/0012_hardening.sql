CREATE TABLE "public_form_posts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"council_id" uuid NOT NULL,
	"form" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"held_sealed" text
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
ALTER TABLE "public_form_posts" ADD CONSTRAINT "public_form_posts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moment_shifts" ADD CONSTRAINT "policy_moment_shifts_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moment_shifts" ADD CONSTRAINT "policy_moment_shifts_moment_id_policy_moments_id_fk" FOREIGN KEY ("moment_id") REFERENCES "public"."policy_moments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moment_shifts" ADD CONSTRAINT "policy_moment_shifts_by_user_id_users_id_fk" FOREIGN KEY ("by_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moments" ADD CONSTRAINT "policy_moments_council_id_councils_id_fk" FOREIGN KEY ("council_id") REFERENCES "public"."councils"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "policy_moments" ADD CONSTRAINT "policy_moments_working_group_id_working_groups_id_fk" FOREIGN KEY ("working_group_id") REFERENCES "public"."working_groups"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "public_form_posts_council_idx" ON "public_form_posts" USING btree ("council_id","form","at");--> statement-breakpoint
CREATE INDEX "policy_moments_council_idx" ON "policy_moments" USING btree ("council_id","expected_on");