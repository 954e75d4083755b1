CREATE INDEX "port_order_tns_tn_idx" ON "port_order_tns" USING btree ("tn");--> statement-breakpoint
CREATE INDEX "port_orders_pon_idx" ON "port_orders" USING btree ("pon");--> statement-breakpoint
CREATE INDEX "port_orders_btn_idx" ON "port_orders" USING btree ("btn");--> statement-breakpoint
CREATE INDEX "port_orders_reference_idx" ON "port_orders" USING btree ("customer_reference");--> statement-breakpoint
CREATE INDEX "port_orders_carrier_created_idx" ON "port_orders" USING btree ("carrier_id","created_at","id");--> statement-breakpoint
CREATE INDEX "port_orders_assignee_created_idx" ON "port_orders" USING btree ("assigned_to","created_at","id");--> statement-breakpoint
CREATE INDEX "port_orders_type_created_idx" ON "port_orders" USING btree ("port_type","created_at","id");