DROP INDEX "listings_search_idx";--> statement-breakpoint
DROP INDEX "ai_calls_created_idx";--> statement-breakpoint
DROP INDEX "ai_calls_user_idx";--> statement-breakpoint
DROP INDEX "ai_calls_status_created_idx";--> statement-breakpoint
DROP INDEX "ai_calls_variant_created_idx";--> statement-breakpoint
DROP INDEX "ai_calls_feedback_idx";--> statement-breakpoint
DROP INDEX "conversations_buyer_idx";--> statement-breakpoint
DROP INDEX "conversations_seller_idx";--> statement-breakpoint
CREATE INDEX "listings_for_sale_search_idx" ON "listings" USING gin ("search_vector") WHERE status in ('active', 'reserved');--> statement-breakpoint
CREATE INDEX "ai_calls_created_idx" ON "ai_calls" USING btree ("created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ai_calls_user_idx" ON "ai_calls" USING btree ("user_id","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ai_calls_status_created_idx" ON "ai_calls" USING btree ("status","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ai_calls_variant_created_idx" ON "ai_calls" USING btree ("variant_key","created_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "ai_calls_feedback_idx" ON "ai_calls" USING btree ("feedback_rating","feedback_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_buyer_idx" ON "conversations" USING btree ("buyer_id","last_message_at" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "conversations_seller_idx" ON "conversations" USING btree ("seller_id","last_message_at" DESC NULLS FIRST);