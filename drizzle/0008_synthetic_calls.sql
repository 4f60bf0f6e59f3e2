ALTER TABLE "ai_call_latency_rollups" ADD COLUMN "synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_call_rollups" ADD COLUMN "synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "ai_calls" ADD COLUMN "synthetic" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "review_queue_rules" ADD COLUMN "include_synthetic" boolean DEFAULT false NOT NULL;