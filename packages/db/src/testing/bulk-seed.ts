import type { DbHandle } from "../client";

/**
 * Fills a database with `orders` orders of `tnsPerOrder` TNs each, spread over `accounts` new customer accounts,
 * for benchmarks. Set-based SQL, so millions of rows take minutes, not hours. Most orders are terminal (their TNs
 * inactive), as in a database that has run for years.
 */
export async function bulkSeedOrders(
  handle: DbHandle,
  options: {
    orders: number;
    tnsPerOrder: number;
    accounts: number;
    /** Losing carriers to spread the orders over (round robin); none by default. */
    carrierIds?: readonly string[];
  },
): Promise<{ accountIds: string[] }> {
  const client = await handle.pool.connect();
  try {
    await client.query("begin");
    // Benchmark data is generated consistent; skipping per-row foreign key triggers makes the load many times faster.
    await client.query("set local session_replication_role = replica");
    const accounts = await client.query<{ id: string }>(
      `insert into customer_accounts (name, slug)
       select 'Bench account ' || g, 'bench-' || g || '-' || substr(md5(random()::text), 1, 6)
       from generate_series(1, $1) g returning id`,
      [options.accounts],
    );
    const accountIds = accounts.rows.map((r) => r.id);
    await client.query(
      `insert into port_orders (id, account_id, status, port_type, pon, customer_reference, btn, tn_count, foc_at,
                                requested_foc_at, created_at, updated_at, details, version, carrier_id)
       select md5('order' || g)::uuid,
              ($1::uuid[])[1 + (g % array_length($1::uuid[], 1))],
              (array['COMPLETE','COMPLETE','COMPLETE','CANCELLED','FOC','PENDING_FOC','EXCEPTION','SUBMITTED'])[1 + (g % 8)],
              (array['AUTOMATED','ON_NET','AUTOMATED','PROJECT'])[1 + (g % 4)],
              lpad((100000000 + g)::text, 9, '0'),
              'BENCH-' || g,
              '+1' || (200 + (g % 700))::text || '555' || lpad(((g * 7) % 10000)::text, 4, '0'),
              $2,
              timestamptz '2024-01-01' + (g % 1000) * interval '1 day' + interval '15 hours',
              timestamptz '2024-01-01' + (g % 1000) * interval '1 day' + interval '15 hours',
              timestamptz '2024-01-01' + g * interval '1 minute',
              timestamptz '2024-01-01' + g * interval '1 minute',
              '{}'::jsonb, 1,
              case when cardinality($4::uuid[]) > 0 then ($4::uuid[])[1 + (g % cardinality($4::uuid[]))] end
       from generate_series(1, $3) g`,
      [accountIds, options.tnsPerOrder, options.orders, [...(options.carrierIds ?? [])]],
    );
    // TN n of order g: NPA 2xx-9xx, NXX 2xx-9xx, distinct for every (g, n).
    await client.query(
      `insert into port_order_tns (order_id, account_id, tn, status, active)
       select o.id, o.account_id,
              '+1' || (200 + (k / 8000000) % 800)::text || (200 + (k / 10000) % 800)::text || lpad((k % 10000)::text, 4, '0'),
              case when o.status = 'COMPLETE' then 'ACTIVATED' else 'PENDING' end,
              o.status not in ('COMPLETE', 'CANCELLED')
       from (select id, account_id, status, row_number() over (order by created_at) as g from port_orders
             where customer_reference like 'BENCH-%') o,
            lateral (select (o.g - 1) * $1 + n as k from generate_series(0, $1 - 1) n) t`,
      [options.tnsPerOrder],
    );
    await client.query("commit");
    // A database that grew to this size has been vacuumed by autovacuum many times; give it the same visibility map.
    await client.query("vacuum analyze port_orders");
    await client.query("vacuum analyze port_order_tns");
    return { accountIds };
  } catch (error) {
    await client.query("rollback");
    throw error;
  } finally {
    client.release();
  }
}

/** The raw baseline of a submission: one order row and its TNs in two multi-row INSERTs, nothing else. */
export async function insertRawOrder(handle: DbHandle, accountId: string, tns: readonly string[]): Promise<void> {
  const client = await handle.pool.connect();
  try {
    await client.query("begin");
    const order = await client.query<{ id: string }>(
      "insert into port_orders (account_id, status, tn_count) values ($1, 'SUBMITTED', $2) returning id",
      [accountId, tns.length],
    );
    const orderId = order.rows[0]?.id;
    await client.query("insert into port_order_tns (order_id, account_id, tn) select $1, $2, unnest($3::text[])", [
      orderId,
      accountId,
      tns,
    ]);
    await client.query("commit");
  } finally {
    client.release();
  }
}

/**
 * Frees numbers held by orders for a benchmark's next round: their lines stop being active, as if the orders had
 * ended, so the same numbers can be submitted again. Answers how many lines it freed.
 */
export async function releaseTns(handle: DbHandle, tns: readonly string[]): Promise<number> {
  const result = await handle.pool.query(
    "update port_order_tns set active = false where active and tn = any($1::text[])",
    [tns],
  );
  return result.rowCount ?? 0;
}
