ALTER TABLE "listings" ADD COLUMN "place_name" text;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "place_lat" double precision;--> statement-breakpoint
ALTER TABLE "listings" ADD COLUMN "place_lng" double precision;--> statement-breakpoint
ALTER TABLE "user" ADD COLUMN "default_place" text;--> statement-breakpoint
CREATE INDEX "listings_for_sale_place_idx" ON "listings" USING btree ("place_lat","place_lng") WHERE status in ('active', 'reserved');