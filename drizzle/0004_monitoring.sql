CREATE TABLE "ai_call_latency_rollups" (
	"hour" timestamp with time zone NOT NULL,
	"feature" text NOT NULL,
	"model_id" text NOT NULL,
	"prompt_id" text,
	"prompt_version" integer,
	"variant_key" text,
	"bin" smallint NOT NULL,
	"calls" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_call_rollup_state" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"refreshed_through" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "ai_call_rollups" (
	"hour" timestamp with time zone NOT NULL,
	"feature" text NOT NULL,
	"model_id" text NOT NULL,
	"prompt_id" text,
	"prompt_version" integer,
	"variant_key" text,
	"calls" integer DEFAULT 0 NOT NULL,
	"errors" integer DEFAULT 0 NOT NULL,
	"invalid" integer DEFAULT 0 NOT NULL,
	"answered" integer DEFAULT 0 NOT NULL,
	"latency_ms_sum" double precision DEFAULT 0 NOT NULL,
	"first_field_calls" integer DEFAULT 0 NOT NULL,
	"first_field_ms_sum" double precision DEFAULT 0 NOT NULL,
	"token_calls" integer DEFAULT 0 NOT NULL,
	"input_tokens" double precision DEFAULT 0 NOT NULL,
	"output_tokens" double precision DEFAULT 0 NOT NULL,
	"cost_calls" integer DEFAULT 0 NOT NULL,
	"cost_usd" double precision DEFAULT 0 NOT NULL,
	"empty_required_fields" integer DEFAULT 0 NOT NULL,
	"thumbs_up" integer DEFAULT 0 NOT NULL,
	"thumbs_down" integer DEFAULT 0 NOT NULL,
	"published" integer DEFAULT 0 NOT NULL,
	"published_within_day" integer DEFAULT 0 NOT NULL,
	"title_edit_distance_sum" double precision DEFAULT 0 NOT NULL,
	"description_edit_distance_sum" double precision DEFAULT 0 NOT NULL,
	"category_changed" integer DEFAULT 0 NOT NULL,
	"price_error_calls" integer DEFAULT 0 NOT NULL,
	"price_log_error_sum" double precision DEFAULT 0 NOT NULL,
	"kept_title" integer DEFAULT 0 NOT NULL,
	"kept_description" integer DEFAULT 0 NOT NULL,
	"kept_category" integer DEFAULT 0 NOT NULL,
	"kept_condition" integer DEFAULT 0 NOT NULL,
	"kept_price" integer DEFAULT 0 NOT NULL,
	"kept_brand" integer DEFAULT 0 NOT NULL,
	"kept_colour" integer DEFAULT 0 NOT NULL,
	"kept_material" integer DEFAULT 0 NOT NULL,
	"kept_size" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "console_settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "ai_calls" ADD COLUMN "empty_required_fields" smallint;--> statement-breakpoint
ALTER TABLE "ai_calls" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "ai_calls" ADD COLUMN "implicit_feedback" jsonb;--> statement-breakpoint
ALTER TABLE "ai_calls" ADD COLUMN "updated_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
ALTER TABLE "console_settings" ADD CONSTRAINT "console_settings_updated_by_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_call_latency_rollups_feature_hour_idx" ON "ai_call_latency_rollups" USING btree ("feature","hour");--> statement-breakpoint
CREATE INDEX "ai_call_rollups_feature_hour_idx" ON "ai_call_rollups" USING btree ("feature","hour");--> statement-breakpoint
CREATE INDEX "ai_calls_status_created_idx" ON "ai_calls" USING btree ("status","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_calls_updated_idx" ON "ai_calls" USING btree ("updated_at");--> statement-breakpoint
CREATE INDEX "ai_calls_feedback_idx" ON "ai_calls" USING btree ("feedback_rating","feedback_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_calls_image_ids_idx" ON "ai_calls" USING gin ("image_ids");--> statement-breakpoint
CREATE INDEX "ai_calls_title_trgm_idx" ON "ai_calls" USING gin (("output" ->> 'title') gin_trgm_ops);