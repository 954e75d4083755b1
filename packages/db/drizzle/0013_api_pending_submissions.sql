CREATE TABLE "api_pending_submissions" (
	"draft_id" uuid PRIMARY KEY NOT NULL,
	"account_id" uuid NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "api_pending_submissions" ADD CONSTRAINT "api_pending_submissions_draft_id_port_drafts_id_fk" FOREIGN KEY ("draft_id") REFERENCES "public"."port_drafts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "api_pending_submissions" ADD CONSTRAINT "api_pending_submissions_account_id_customer_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."customer_accounts"("id") ON DELETE no action ON UPDATE no action;