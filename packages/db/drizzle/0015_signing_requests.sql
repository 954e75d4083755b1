CREATE TABLE "signing_requests" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"account_id" uuid NOT NULL,
	"order_id" uuid,
	"draft_id" uuid,
	"token_sha256" text NOT NULL,
	"signer_name" text NOT NULL,
	"signer_email" text NOT NULL,
	"signer_title" text,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"unsigned_pdf" "bytea" NOT NULL,
	"unsigned_sha256" text NOT NULL,
	"file_name" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" text,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"signed_at" timestamp with time zone,
	"signed_name" text,
	"signer_ip" text,
	"signer_user_agent" text,
	"signed_document_id" uuid,
	CONSTRAINT "signing_requests_status" CHECK ("signing_requests"."status" in ('PENDING', 'SIGNED', 'REVOKED'))
);
--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_order_id_port_orders_id_fk" FOREIGN KEY ("order_id") REFERENCES "public"."port_orders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_draft_id_port_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."port_drafts"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_created_by_auth_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."auth_users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "signing_requests" ADD CONSTRAINT "signing_requests_signed_document_id_documents_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."documents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "signing_requests_token_uq" ON "signing_requests" USING btree ("token_sha256");--> statement-breakpoint
CREATE INDEX "signing_requests_order_idx" ON "signing_requests" USING btree ("order_id");--> statement-breakpoint
CREATE INDEX "signing_requests_draft_idx" ON "signing_requests" USING btree ("draft_id");--> statement-breakpoint
CREATE INDEX "signing_requests_account_idx" ON "signing_requests" USING btree ("account_id","created_at");