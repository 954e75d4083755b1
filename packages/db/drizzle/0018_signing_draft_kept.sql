ALTER TABLE "signing_requests" DROP CONSTRAINT "signing_requests_draft_id_port_drafts_id_fk";
