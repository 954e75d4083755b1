-- Reports find the history rows that reached a status (FOC, COMPLETE…) within a period: a range scan on this
-- index instead of a scan of the whole history. The order ID rides along so the scan needs no table visit.
CREATE INDEX IF NOT EXISTS "order_history_to_status_at_idx" ON "order_history" ("to_status", "at") INCLUDE ("order_id");
