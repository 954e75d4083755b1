-- Signing emails written before links were composed at send time carry the raw token in their body. Those already
-- delivered (or given up) no longer need it: the body keeps the sentence, not a usable link. Pending ones still go out.
UPDATE "emails"
SET "body_text" = regexp_replace("body_text", '/sign/[A-Za-z0-9_-]+', '/sign/(link removed once sent)', 'g')
WHERE "kind" = 'SIGNING_LINK' AND "status" <> 'PENDING';
