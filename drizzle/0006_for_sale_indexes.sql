DROP INDEX "listings_status_created_idx";--> statement-breakpoint
DROP INDEX "listings_category_status_created_idx";--> statement-breakpoint
DROP INDEX "listings_status_price_idx";--> statement-breakpoint
DROP INDEX "listings_seller_idx";--> statement-breakpoint
CREATE INDEX "listings_for_sale_created_idx" ON "listings" USING btree ("created_at" DESC NULLS FIRST) WHERE status in ('active', 'reserved');--> statement-breakpoint
CREATE INDEX "listings_for_sale_category_created_idx" ON "listings" USING btree ("category","created_at" DESC NULLS FIRST) WHERE status in ('active', 'reserved');--> statement-breakpoint
CREATE INDEX "listings_for_sale_price_idx" ON "listings" USING btree ("price_cents") WHERE status in ('active', 'reserved');--> statement-breakpoint
CREATE INDEX "listings_for_sale_category_price_idx" ON "listings" USING btree ("category","price_cents") WHERE status in ('active', 'reserved');--> statement-breakpoint
CREATE INDEX "listings_seller_idx" ON "listings" USING btree ("seller_id","created_at" DESC NULLS FIRST);