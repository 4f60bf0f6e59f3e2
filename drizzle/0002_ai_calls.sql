CREATE TYPE "public"."ai_call_status" AS ENUM('ok', 'invalid', 'error');--> statement-breakpoint
CREATE TABLE "ai_calls" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"feature" text NOT NULL,
	"user_id" text,
	"provider" text NOT NULL,
	"model_id" text NOT NULL,
	"prompt_id" text,
	"prompt_version" integer,
	"prompt_hash" text,
	"params" jsonb,
	"image_ids" uuid[] DEFAULT '{}'::uuid[] NOT NULL,
	"status" "ai_call_status" NOT NULL,
	"error_class" text,
	"error_message" text,
	"raw_output" text,
	"output" jsonb,
	"latency_ms" integer NOT NULL,
	"first_field_ms" integer,
	"input_tokens" integer,
	"output_tokens" integer,
	"cost_usd" double precision,
	"variant_key" text,
	"listing_id" uuid,
	"feedback_rating" smallint,
	"feedback_reason" text,
	"feedback_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "ai_call_id" uuid;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "ai_suggestion" jsonb;--> statement-breakpoint
ALTER TABLE "ai_calls" ADD CONSTRAINT "ai_calls_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ai_calls" ADD CONSTRAINT "ai_calls_listing_id_listings_id_fk" FOREIGN KEY ("listing_id") REFERENCES "public"."listings"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "ai_calls_created_idx" ON "ai_calls" USING btree ("created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_calls_user_idx" ON "ai_calls" USING btree ("user_id","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "ai_calls_model_created_idx" ON "ai_calls" USING btree ("model_id","created_at");--> statement-breakpoint
ALTER TABLE "listings" ADD CONSTRAINT "listings_ai_call_id_ai_calls_id_fk" FOREIGN KEY ("ai_call_id") REFERENCES "public"."ai_calls"("id") ON DELETE set null ON UPDATE no action;