-- Order history is append-only: the database itself refuses to change or remove an entry.
CREATE OR REPLACE FUNCTION portway_refuse_history_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'order_history is append-only: % is not allowed', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER order_history_append_only
  BEFORE UPDATE OR DELETE ON order_history
  FOR EACH ROW EXECUTE FUNCTION portway_refuse_history_change();
--> statement-breakpoint
CREATE TRIGGER order_history_no_truncate
  BEFORE TRUNCATE ON order_history
  FOR EACH STATEMENT EXECUTE FUNCTION portway_refuse_history_change();
--> statement-breakpoint
-- Our ON_NET and PROJECT PONs carry a 6-digit sequence; one database sequence keeps them unique across processes.
CREATE SEQUENCE IF NOT EXISTS pon_sequence START 1;
