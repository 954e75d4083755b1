-- Rate limits shared by every portal process (rate-limiter-flexible's PostgreSQL store): sign-in attempts per
-- client address and per email, API calls per user and per key. Keys carry the limiter's prefix; expire is epoch ms.
CREATE TABLE IF NOT EXISTS "rate_limits" (
	"key" varchar(255) PRIMARY KEY,
	"points" integer NOT NULL DEFAULT 0,
	"expire" bigint
);
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "rate_limits_expire_idx" ON "rate_limits" ("expire");
