-- The apps' least-privilege role: they read and write rows, and never change the schema (the role running these
-- migrations owns every table). Deployments log in as a role that is a member of portway_app (DATABASE_URL); the
-- owner only migrates. Roles belong to the server, so this role is shared by every database on it.
DO $$
BEGIN
	IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'portway_app') THEN
		CREATE ROLE portway_app NOLOGIN;
	END IF;
END
$$;
--> statement-breakpoint
GRANT USAGE ON SCHEMA public TO portway_app;
--> statement-breakpoint
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO portway_app;
--> statement-breakpoint
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO portway_app;
--> statement-breakpoint
-- Tables and sequences of later migrations get the same grants.
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO portway_app;
--> statement-breakpoint
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO portway_app;
--> statement-breakpoint
-- Append-only history: besides the triggers, the apps may not even ask to change or remove it.
REVOKE UPDATE, DELETE, TRUNCATE ON "order_history" FROM portway_app;
--> statement-breakpoint
REVOKE UPDATE, DELETE, TRUNCATE ON "audit_log" FROM portway_app;
--> statement-breakpoint
-- The job queue (pg-boss) keeps its own schema and migrates it itself when the worker starts: the apps' role owns
-- that schema, and may create it (CREATE on the database creates schemas; it alters no table of Portway's).
DO $$
DECLARE
	object record;
BEGIN
	EXECUTE format('GRANT CONNECT, CREATE ON DATABASE %I TO portway_app', current_database());
	IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'pgboss') THEN
		EXECUTE 'ALTER SCHEMA pgboss OWNER TO portway_app';
		FOR object IN SELECT c.relname, c.relkind FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
			WHERE n.nspname = 'pgboss' AND c.relkind IN ('r', 'p', 'S', 'v') AND NOT c.relispartition
				-- A serial column's sequence follows its table.
				AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i'))
		LOOP
			EXECUTE format(
				'ALTER %s pgboss.%I OWNER TO portway_app',
				CASE object.relkind WHEN 'S' THEN 'SEQUENCE' WHEN 'v' THEN 'VIEW' ELSE 'TABLE' END,
				object.relname
			);
		END LOOP;
		FOR object IN SELECT p.oid::regprocedure AS signature FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
			WHERE n.nspname = 'pgboss'
		LOOP
			EXECUTE format('ALTER ROUTINE %s OWNER TO portway_app', object.signature);
		END LOOP;
	END IF;
END
$$;
