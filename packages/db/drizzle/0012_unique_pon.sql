DROP INDEX "port_orders_pon_idx";--> statement-breakpoint
CREATE UNIQUE INDEX "port_orders_pon_uq" ON "port_orders" USING btree ("pon");