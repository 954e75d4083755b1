CREATE TABLE "customer_accounts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"slug" text NOT NULL,
	"on_net_only" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "customer_accounts_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
CREATE TABLE "auth_accounts" (
	"id" text PRIMARY KEY NOT NULL,
	"account_id" text NOT NULL,
	"provider_id" text NOT NULL,
	"user_id" text NOT NULL,
	"access_token" text,
	"refresh_token" text,
	"id_token" text,
	"access_token_expires_at" timestamp with time zone,
	"refresh_token_expires_at" timestamp with time zone,
	"scope" text,
	"password" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "auth_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"token" text NOT NULL,
	"user_id" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"ip_address" text,
	"user_agent" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_sessions_token_unique" UNIQUE("token")
);
--> statement-breakpoint
CREATE TABLE "auth_users" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"email" text NOT NULL,
	"email_verified" boolean DEFAULT false NOT NULL,
	"image" text,
	"kind" text NOT NULL,
	"role" text NOT NULL,
	"account_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auth_users_email_unique" UNIQUE("email"),
	CONSTRAINT "auth_users_kind_role" CHECK (("auth_users"."kind" = 'customer' and "auth_users"."role" in ('admin', 'member') and "auth_users"."account_id" is not null)
        or ("auth_users"."kind" = 'staff' and "auth_users"."role" in ('analyst', 'lead') and "auth_users"."account_id" is null))
);
--> statement-breakpoint
CREATE TABLE "auth_verifications" (
	"id" text PRIMARY KEY NOT NULL,
	"identifier" text NOT NULL,
	"value" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" uuid,
	"draft_id" uuid,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"signed_at" timestamp with time zone,
	"uploaded_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "documents_size" CHECK ("documents"."size" between 1 and 3145728),
	CONSTRAINT "documents_kind" CHECK ("documents"."kind" in ('LOA', 'BILL_COPY', 'CSR', 'OTHER'))
);
--> statement-breakpoint
CREATE TABLE "notes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"visibility" text NOT NULL,
	"source" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "notes_visibility" CHECK ("notes"."visibility" in ('CUSTOMER', 'INTERNAL'))
);
--> statement-breakpoint
CREATE TABLE "ticket_messages" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"ticket_id" uuid NOT NULL,
	"author_kind" text NOT NULL,
	"author_id" text,
	"author_name" text NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tickets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" uuid NOT NULL,
	"subject" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"assigned_to" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "carriers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"spid" text NOT NULL,
	"type" text NOT NULL,
	"requires_account_number" boolean DEFAULT false NOT NULL,
	"requires_pin" boolean DEFAULT false NOT NULL,
	"min_business_days" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "carriers_spid_unique" UNIQUE("spid"),
	CONSTRAINT "carriers_type" CHECK ("carriers"."type" in ('WIRELINE', 'WIRELESS', 'VOIP')),
	CONSTRAINT "carriers_spid" CHECK ("carriers"."spid" ~ '^[0-9A-Z]{4}$'),
	CONSTRAINT "carriers_min_days" CHECK ("carriers"."min_business_days" between 0 and 30)
);
--> statement-breakpoint
CREATE TABLE "holidays" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"date" date NOT NULL,
	"name" text NOT NULL,
	"carrier_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "number_blocks" (
	"npa" text NOT NULL,
	"nxx" text NOT NULL,
	"rate_center_id" uuid NOT NULL,
	"state" text NOT NULL,
	"lata" text NOT NULL,
	"time_zone" text NOT NULL,
	"carrier_id" uuid NOT NULL,
	CONSTRAINT "number_blocks_pk" PRIMARY KEY("npa","nxx"),
	CONSTRAINT "number_blocks_npa" CHECK ("number_blocks"."npa" ~ '^[2-9][0-9]{2}$'),
	CONSTRAINT "number_blocks_nxx" CHECK ("number_blocks"."nxx" ~ '^[2-9][0-9]{2}$')
);
--> statement-breakpoint
CREATE TABLE "rate_centers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"state" text NOT NULL,
	"lata" text NOT NULL,
	"on_net" boolean DEFAULT false NOT NULL,
	"partner_supported" boolean DEFAULT false NOT NULL
);
--> statement-breakpoint
CREATE TABLE "csrs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"raw_text" text NOT NULL,
	"parsed" jsonb NOT NULL,
	"received_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "manual_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"supp_id" uuid,
	"requested_foc_at" timestamp with time zone,
	"reason" text NOT NULL,
	"status" text DEFAULT 'OPEN' NOT NULL,
	"assigned_to" text,
	"resolved_by" text,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "rejections" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"code" text NOT NULL,
	"reason" text NOT NULL,
	"raw_text" text,
	"carrier_id" uuid,
	"received_at" timestamp with time zone NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "supps" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"order_id" uuid NOT NULL,
	"type" text NOT NULL,
	"sup_code" integer NOT NULL,
	"changes" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" text NOT NULL,
	"manual" boolean DEFAULT false NOT NULL,
	"requested_foc_at" timestamp with time zone,
	"requested_by" text,
	"resolution" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	CONSTRAINT "supps_type" CHECK ("supps"."type" in ('CANCEL', 'RESCHEDULE', 'CHANGE'))
);
--> statement-breakpoint
CREATE TABLE "order_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_kind" text NOT NULL,
	"actor_id" text,
	"event" text NOT NULL,
	"from_status" text NOT NULL,
	"to_status" text NOT NULL,
	"reason" text,
	"changes" jsonb DEFAULT '[]'::jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "port_drafts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"created_by" text,
	"data" jsonb NOT NULL,
	"tn_count" integer DEFAULT 0 NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "port_order_tns" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"order_id" uuid NOT NULL,
	"account_id" uuid NOT NULL,
	"tn" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"excluded_reason" text,
	"activated_at" timestamp with time zone,
	"active" boolean DEFAULT true NOT NULL,
	CONSTRAINT "port_order_tns_tn" CHECK ("port_order_tns"."tn" ~ '^\+1[2-9][0-9]{2}[2-9][0-9]{6}$'),
	CONSTRAINT "port_order_tns_status" CHECK ("port_order_tns"."status" in ('PENDING', 'ACTIVATED', 'EXCLUDED'))
);
--> statement-breakpoint
CREATE TABLE "port_orders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"port_request_id" uuid,
	"sequence" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'DRAFT' NOT NULL,
	"port_type" text,
	"pon" text,
	"customer_reference" text,
	"btn" text,
	"carrier_id" uuid,
	"on_net" boolean,
	"tn_count" integer DEFAULT 0 NOT NULL,
	"requested_foc_at" timestamp with time zone,
	"foc_at" timestamp with time zone,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"supp" jsonb,
	"supps_after_foc" integer DEFAULT 0 NOT NULL,
	"csr_round" integer DEFAULT 0 NOT NULL,
	"activation_sent" boolean DEFAULT false NOT NULL,
	"activation_due_at" timestamp with time zone,
	"activation_held" boolean DEFAULT false NOT NULL,
	"assigned_to" text,
	"partner_order_id" text,
	"last_partner_sequence" integer DEFAULT 0 NOT NULL,
	"last_progress_at" timestamp with time zone DEFAULT now() NOT NULL,
	"stuck_since" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "port_orders_version" CHECK ("port_orders"."version" >= 1)
);
--> statement-breakpoint
CREATE TABLE "port_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"customer_reference" text NOT NULL,
	"submitted_by" text,
	"draft_id" uuid,
	"tn_count" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"payload" jsonb NOT NULL,
	"order_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"relayed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "partner_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"event_id" text NOT NULL,
	"partner_order_id" text NOT NULL,
	"order_id" text,
	"sequence" integer NOT NULL,
	"type" text NOT NULL,
	"body" jsonb NOT NULL,
	"status" text DEFAULT 'RECEIVED' NOT NULL,
	"detail" text,
	"received_at" timestamp with time zone NOT NULL,
	"applied_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "job_heartbeats" (
	"name" text PRIMARY KEY NOT NULL,
	"last_run_at" timestamp with time zone NOT NULL,
	"run_count" integer DEFAULT 1 NOT NULL,
	"detail" jsonb DEFAULT '{}'::jsonb NOT NULL
);
--> statement-breakpoint
ALTER TABLE "auth_accounts" ADD CONSTRAINT "auth_accounts_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_sessions" ADD CONSTRAINT "auth_sessions_user_id_auth_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."auth_users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auth_users" ADD CONSTRAINT "auth_users_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_draft_id_port_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."port_drafts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notes" ADD CONSTRAINT "notes_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ticket_messages" ADD CONSTRAINT "ticket_messages_ticket_id_tickets_id_fk" FOREIGN KEY ("ticket_id") REFERENCES "public"."tickets"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tickets" ADD CONSTRAINT "tickets_assigned_to_auth_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "holidays" ADD CONSTRAINT "holidays_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_blocks" ADD CONSTRAINT "number_blocks_rate_center_id_rate_centers_id_fk" FOREIGN KEY ("rate_center_id") REFERENCES "public"."rate_centers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "number_blocks" ADD CONSTRAINT "number_blocks_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "csrs" ADD CONSTRAINT "csrs_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_requests" ADD CONSTRAINT "manual_requests_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_requests" ADD CONSTRAINT "manual_requests_supp_id_supps_id_fk" FOREIGN KEY ("supp_id") REFERENCES "public"."supps"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "manual_requests" ADD CONSTRAINT "manual_requests_assigned_to_auth_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "rejections" ADD CONSTRAINT "rejections_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supps" ADD CONSTRAINT "supps_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_history" ADD CONSTRAINT "order_history_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_drafts" ADD CONSTRAINT "port_drafts_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_drafts" ADD CONSTRAINT "port_drafts_created_by_auth_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_order_tns" ADD CONSTRAINT "port_order_tns_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_order_tns" ADD CONSTRAINT "port_order_tns_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_orders" ADD CONSTRAINT "port_orders_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_orders" ADD CONSTRAINT "port_orders_port_request_id_port_requests_id_fk" FOREIGN KEY ("port_request_id") REFERENCES "public"."port_requests"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_orders" ADD CONSTRAINT "port_orders_carrier_id_carriers_id_fk" FOREIGN KEY ("carrier_id") REFERENCES "public"."carriers"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_orders" ADD CONSTRAINT "port_orders_assigned_to_auth_users_id_fk" FOREIGN KEY ("assigned_to") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_requests" ADD CONSTRAINT "port_requests_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "port_requests" ADD CONSTRAINT "port_requests_submitted_by_auth_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "auth_accounts_user_idx" ON "auth_accounts" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_sessions_user_idx" ON "auth_sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "auth_users_account_idx" ON "auth_users" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "documents_order_idx" ON "documents" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "documents_draft_idx" ON "documents" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "notes_order_idx" ON "notes" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "ticket_messages_ticket_idx" ON "ticket_messages" USING btree ("ticket_id","created_at");--> statement-breakpoint
CREATE INDEX "tickets_status_idx" ON "tickets" USING btree ("status","updated_at");--> statement-breakpoint
CREATE INDEX "tickets_order_idx" ON "tickets" USING btree ("order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_company_date_uq" ON "holidays" USING btree ("date") WHERE "holidays"."carrier_id" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "holidays_carrier_date_uq" ON "holidays" USING btree ("carrier_id","date") WHERE "holidays"."carrier_id" is not null;--> statement-breakpoint
CREATE INDEX "number_blocks_carrier_idx" ON "number_blocks" USING btree ("carrier_id");--> statement-breakpoint
CREATE INDEX "number_blocks_rate_center_idx" ON "number_blocks" USING btree ("rate_center_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rate_centers_name_state_uq" ON "rate_centers" USING btree ("name","state");--> statement-breakpoint
CREATE INDEX "csrs_order_idx" ON "csrs" USING btree ("order_id","round");--> statement-breakpoint
CREATE INDEX "manual_requests_open_idx" ON "manual_requests" USING btree ("status","kind","created_at");--> statement-breakpoint
CREATE INDEX "manual_requests_order_idx" ON "manual_requests" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "rejections_order_idx" ON "rejections" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "rejections_reason_idx" ON "rejections" USING btree ("reason","received_at");--> statement-breakpoint
CREATE INDEX "supps_order_idx" ON "supps" USING btree ("order_id","created_at");--> statement-breakpoint
CREATE INDEX "order_history_order_idx" ON "order_history" USING btree ("order_id","id");--> statement-breakpoint
CREATE INDEX "port_drafts_account_idx" ON "port_drafts" USING btree ("account_id","updated_at");--> statement-breakpoint
CREATE UNIQUE INDEX "port_order_tns_active_uq" ON "port_order_tns" USING btree ("tn") WHERE "port_order_tns"."active";--> statement-breakpoint
CREATE UNIQUE INDEX "port_order_tns_order_tn_uq" ON "port_order_tns" USING btree ("order_id","tn");--> statement-breakpoint
CREATE INDEX "port_order_tns_account_tn_idx" ON "port_order_tns" USING btree ("account_id","tn");--> statement-breakpoint
CREATE INDEX "port_orders_account_created_idx" ON "port_orders" USING btree ("account_id","created_at","id");--> statement-breakpoint
CREATE INDEX "port_orders_account_status_idx" ON "port_orders" USING btree ("account_id","status","created_at","id");--> statement-breakpoint
CREATE INDEX "port_orders_account_foc_idx" ON "port_orders" USING btree ("account_id","foc_at","id");--> statement-breakpoint
CREATE INDEX "port_orders_account_foc_desc_idx" ON "port_orders" USING btree ("account_id","foc_at" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "port_orders_created_idx" ON "port_orders" USING btree ("created_at","id");--> statement-breakpoint
CREATE INDEX "port_orders_account_type_idx" ON "port_orders" USING btree ("account_id","port_type","created_at");--> statement-breakpoint
CREATE INDEX "port_orders_account_pon_idx" ON "port_orders" USING btree ("account_id","pon");--> statement-breakpoint
CREATE INDEX "port_orders_account_reference_idx" ON "port_orders" USING btree ("account_id","customer_reference");--> statement-breakpoint
CREATE INDEX "port_orders_account_btn_idx" ON "port_orders" USING btree ("account_id","btn");--> statement-breakpoint
CREATE INDEX "port_orders_status_idx" ON "port_orders" USING btree ("status","created_at");--> statement-breakpoint
CREATE INDEX "port_orders_request_idx" ON "port_orders" USING btree ("port_request_id");--> statement-breakpoint
CREATE INDEX "port_orders_activation_idx" ON "port_orders" USING btree ("activation_due_at") WHERE "port_orders"."activation_due_at" is not null and "port_orders"."activation_sent" = false;--> statement-breakpoint
CREATE UNIQUE INDEX "port_orders_partner_order_uq" ON "port_orders" USING btree ("partner_order_id");--> statement-breakpoint
CREATE UNIQUE INDEX "port_requests_account_reference_uq" ON "port_requests" USING btree ("account_id","customer_reference");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "outbox" USING btree ("id") WHERE relayed_at is null;--> statement-breakpoint
CREATE UNIQUE INDEX "partner_events_event_uq" ON "partner_events" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "partner_events_order_seq_idx" ON "partner_events" USING btree ("partner_order_id","sequence");