CREATE TABLE "playground_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"prompt_id" text NOT NULL,
	"name" text NOT NULL,
	"text" text NOT NULL,
	"hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "eval_runs" ADD COLUMN "prompt_text" text;--> statement-breakpoint
ALTER TABLE "eval_runs" ADD COLUMN "draft_id" uuid;--> statement-breakpoint
ALTER TABLE "playground_drafts" ADD CONSTRAINT "playground_drafts_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "playground_drafts_owner_name_idx" ON "playground_drafts" USING btree ("owner_id","prompt_id","name");--> statement-breakpoint
ALTER TABLE "eval_runs" ADD CONSTRAINT "eval_runs_draft_id_playground_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."playground_drafts"("id") ON DELETE set null ON UPDATE no action;