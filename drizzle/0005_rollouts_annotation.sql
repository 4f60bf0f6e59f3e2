CREATE TYPE "public"."rollout_status" AS ENUM('running', 'paused', 'stopped');--> statement-breakpoint
CREATE TABLE "review_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"call_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"labels_wanted" smallint DEFAULT 1 NOT NULL,
	"label_count" smallint DEFAULT 0 NOT NULL,
	"claimed_by" text,
	"claimed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "review_items_call_id_unique" UNIQUE("call_id")
);
--> statement-breakpoint
CREATE TABLE "review_labels" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"item_id" uuid NOT NULL,
	"reviewer_id" text,
	"category" text,
	"title" text NOT NULL,
	"price_min_cents" integer,
	"price_max_cents" integer,
	"verdicts" jsonb NOT NULL,
	"comment" text DEFAULT '' NOT NULL,
	"promoted_to" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "review_queue_rules" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"sample_share" double precision DEFAULT 0.05 NOT NULL,
	"thumbs_down" boolean DEFAULT true NOT NULL,
	"heavy_edit_distance" double precision DEFAULT 0.5,
	"low_confidence" boolean DEFAULT true NOT NULL,
	"errors" boolean DEFAULT true NOT NULL,
	"second_review_share" double precision DEFAULT 0.1 NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollout_changes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"action" text NOT NULL,
	"detail" text NOT NULL,
	"changed_by" text,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollout_experiments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"feature" text NOT NULL,
	"status" "rollout_status" DEFAULT 'running' NOT NULL,
	"seed" text NOT NULL,
	"holdout_share" double precision DEFAULT 0 NOT NULL,
	"guard_rails" jsonb NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stopped_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rollout_exposures" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"variant_key" text NOT NULL,
	"user_id" text NOT NULL,
	"call_id" uuid,
	"listing_id" uuid,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "rollout_variants" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"experiment_id" uuid NOT NULL,
	"key" text NOT NULL,
	"prompt_id" text NOT NULL,
	"prompt_version" integer NOT NULL,
	"model_id" text,
	"params" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"share" double precision DEFAULT 0 NOT NULL,
	"cut_reason" text,
	"cut_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_call_id_ai_calls_id_fk" FOREIGN KEY ("call_id") REFERENCES "public"."ai_calls"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_items" ADD CONSTRAINT "review_items_claimed_by_user_id_fk" FOREIGN KEY ("claimed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_labels" ADD CONSTRAINT "review_labels_item_id_review_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."review_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_labels" ADD CONSTRAINT "review_labels_reviewer_id_user_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "review_queue_rules" ADD CONSTRAINT "review_queue_rules_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_changes" ADD CONSTRAINT "rollout_changes_experiment_id_rollout_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."rollout_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_changes" ADD CONSTRAINT "rollout_changes_changed_by_user_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_experiments" ADD CONSTRAINT "rollout_experiments_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_exposures" ADD CONSTRAINT "rollout_exposures_experiment_id_rollout_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."rollout_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_exposures" ADD CONSTRAINT "rollout_exposures_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_exposures" ADD CONSTRAINT "rollout_exposures_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rollout_variants" ADD CONSTRAINT "rollout_variants_experiment_id_rollout_experiments_id_fk" FOREIGN KEY ("experiment_id") REFERENCES "public"."rollout_experiments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "review_items_open_idx" ON "review_items" USING btree ("label_count","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "review_labels_item_reviewer_idx" ON "review_labels" USING btree ("item_id","reviewer_id");--> statement-breakpoint
CREATE INDEX "review_labels_reviewer_idx" ON "review_labels" USING btree ("reviewer_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rollout_changes_experiment_idx" ON "rollout_changes" USING btree ("experiment_id","changed_at" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "rollout_experiments_active_idx" ON "rollout_experiments" USING btree ("feature") WHERE "rollout_experiments"."status" <> 'stopped';--> statement-breakpoint
CREATE INDEX "rollout_exposures_experiment_idx" ON "rollout_exposures" USING btree ("experiment_id","variant_key","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rollout_exposures_user_idx" ON "rollout_exposures" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "rollout_exposures_call_idx" ON "rollout_exposures" USING btree ("call_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rollout_variants_key_idx" ON "rollout_variants" USING btree ("experiment_id","key");--> statement-breakpoint
CREATE INDEX "ai_calls_variant_created_idx" ON "ai_calls" USING btree ("variant_key","created_at" DESC NULLS LAST);