import type { EngineContext } from "./types";

export interface RequestCounters {
  total: number;
  faultedBefore: number;
  faultedAfter: number;
}

interface CountRow {
  key: string;
  count: string;
}

/** GET /sim/stats: what a fault test needs to prove exactly-once creation and complete callback delivery. */
export async function collectStats(ctx: EngineContext, requests: RequestCounters) {
  const q = <R extends object>(text: string) => ctx.db.query<R & Record<string, unknown>>(ctx.db.pool, text);
  const [byStatus, byPortType, keys, duplicates, callbacks, others] = await Promise.all([
    q<CountRow>("SELECT status AS key, count(*)::text AS count FROM sim.orders GROUP BY status"),
    q<CountRow>("SELECT port_type AS key, count(*)::text AS count FROM sim.orders GROUP BY port_type"),
    q<{ idempotency_key: string; order_id: string; create_requests: number }>(
      "SELECT idempotency_key, order_id, create_requests FROM sim.orders ORDER BY created_at, order_id",
    ),
    q<{ client_order_id: string; order_ids: string[] }>(
      `SELECT client_order_id, array_agg(order_id ORDER BY order_id) AS order_ids FROM sim.orders
        WHERE client_order_id IS NOT NULL GROUP BY client_order_id HAVING count(*) > 1`,
    ),
    q<{
      deliveries: string;
      delivered: string;
      pending: string;
      dropped: string;
      duplicates: string;
      held: string;
      failed: string;
    }>(
      `SELECT count(*)::text AS deliveries,
              count(*) FILTER (WHERE delivered_at IS NOT NULL)::text AS delivered,
              count(*) FILTER (WHERE delivered_at IS NULL AND NOT dropped)::text AS pending,
              count(*) FILTER (WHERE dropped)::text AS dropped,
              count(*) FILTER (WHERE copy > 0)::text AS duplicates,
              count(*) FILTER (WHERE held_until IS NOT NULL)::text AS held,
              coalesce(sum(attempts - CASE WHEN delivered_at IS NULL THEN 0 ELSE 1 END), 0)::text AS failed
         FROM sim.deliveries`,
    ),
    q<{ events: string; supp_requests: string; activate_requests: string }>(
      `SELECT (SELECT count(*) FROM sim.events)::text AS events,
              (SELECT coalesce(sum(requests), 0) FROM sim.requests WHERE operation = 'supp')::text AS supp_requests,
              (SELECT coalesce(sum(requests), 0) FROM sim.requests WHERE operation = 'activate')::text AS activate_requests`,
    ),
  ]);
  const toRecord = (rows: CountRow[]) => Object.fromEntries(rows.map((row) => [row.key, Number(row.count)]));
  const perKey = Object.fromEntries(
    keys.rows.map((row) => [row.idempotency_key, { orderId: row.order_id, requests: row.create_requests }]),
  );
  const createRequests = keys.rows.reduce((sum, row) => sum + row.create_requests, 0);
  const delivery = callbacks.rows[0];
  const other = others.rows[0];
  return {
    clock: ctx.clock.now().toISOString(),
    orders: { total: keys.rows.length, byStatus: toRecord(byStatus.rows), byPortType: toRecord(byPortType.rows) },
    creates: {
      /** Create requests that reached the simulator's logic (not those failed "before"). */
      requests: createRequests,
      keys: keys.rows.length,
      replays: createRequests - keys.rows.length,
      /** Orders per key are always one; `requests` counts how often each key was sent. */
      perKey,
      /** Portway order IDs (clientOrderId) that reached the partner as more than one order: must stay empty. */
      duplicateClientOrderIds: duplicates.rows.map((row) => ({
        clientOrderId: row.client_order_id,
        orderIds: row.order_ids,
      })),
    },
    supps: { requests: Number(other?.supp_requests ?? 0) },
    activations: { requests: Number(other?.activate_requests ?? 0) },
    requests,
    callbacks: {
      events: Number(other?.events ?? 0),
      deliveries: Number(delivery?.deliveries ?? 0),
      delivered: Number(delivery?.delivered ?? 0),
      pending: Number(delivery?.pending ?? 0),
      dropped: Number(delivery?.dropped ?? 0),
      duplicates: Number(delivery?.duplicates ?? 0),
      reordered: Number(delivery?.held ?? 0),
      failedAttempts: Number(delivery?.failed ?? 0),
    },
  };
}
