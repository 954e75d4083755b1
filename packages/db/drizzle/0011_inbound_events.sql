ALTER TABLE "rejections" ADD COLUMN "tns" jsonb;--> statement-breakpoint
CREATE INDEX "partner_events_status_order_idx" ON "partner_events" USING btree ("status","order_id");