CREATE TABLE "carrier_account_formats" (
	"carrier_id" uuid PRIMARY KEY NOT NULL,
	"lengths" integer[] NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carrier_stats" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"carrier_id" uuid NOT NULL,
	"port_type" text NOT NULL,
	"window" text NOT NULL,
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"orders_submitted" integer NOT NULL,
	"rejected_orders_by_reason" jsonb NOT NULL,
	"first_time_right" integer NOT NULL,
	"foc_sample" integer NOT NULL,
	"foc_median_days" real,
	"foc_p90_days" real,
	"foc_on_requested_date" integer NOT NULL,
	"complete_sample" integer NOT NULL,
	"complete_median_days" real,
	"complete_p90_days" real,
	"computed_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "carrier_account_formats" ADD CONSTRAINT "carrier_account_formats_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "carrier_stats" ADD CONSTRAINT "carrier_stats_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "carrier_stats_uq" ON "carrier_stats" USING btree ("window","carrier_id","port_type","period_from");--> statement-breakpoint
CREATE INDEX "carrier_stats_carrier_idx" ON "carrier_stats" USING btree ("carrier_id","window","period_from");