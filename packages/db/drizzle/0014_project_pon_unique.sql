DROP INDEX "port_orders_pon_uq";--> statement-breakpoint
CREATE INDEX "port_orders_pon_idx" ON "port_orders" USING btree ("pon");--> statement-breakpoint
CREATE UNIQUE INDEX "port_orders_project_pon_uq" ON "port_orders" USING btree ("pon") WHERE "port_orders"."port_type" = 'PROJECT';