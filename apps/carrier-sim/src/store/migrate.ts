import type { SimDatabase } from "./database";

/**
 * The simulator's own tables. Idempotent plain SQL, run at every start under an advisory lock so that two
 * simulators starting together do not race on CREATE. Portway never reads these tables.
 */
const statements = [
  `CREATE SEQUENCE IF NOT EXISTS sim.parent_order_id_seq START 400000001`,
  `CREATE SEQUENCE IF NOT EXISTS sim.lsr_seq START 1`,
  `CREATE TABLE IF NOT EXISTS sim.orders (
    order_id text PRIMARY KEY,
    client_order_id text,
    port_type text NOT NULL,
    idempotency_key text NOT NULL UNIQUE,
    request_hash text NOT NULL,
    create_requests integer NOT NULL DEFAULT 1,
    status text NOT NULL,
    data jsonb NOT NULL,
    record jsonb NOT NULL,
    state jsonb NOT NULL,
    version integer NOT NULL DEFAULT 1,
    last_sequence integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL,
    updated_at timestamptz NOT NULL
  )`,
  `CREATE INDEX IF NOT EXISTS orders_client_order_id_idx ON sim.orders (client_order_id)`,
  `CREATE TABLE IF NOT EXISTS sim.requests (
    operation text NOT NULL,
    idempotency_key text NOT NULL,
    order_id text NOT NULL,
    request_hash text NOT NULL,
    response jsonb NOT NULL,
    requests integer NOT NULL DEFAULT 1,
    PRIMARY KEY (operation, idempotency_key)
  )`,
  `CREATE TABLE IF NOT EXISTS sim.timers (
    id bigserial PRIMARY KEY,
    order_id text NOT NULL,
    kind text NOT NULL,
    due_at timestamptz NOT NULL,
    version integer NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    done_at timestamptz
  )`,
  `CREATE INDEX IF NOT EXISTS timers_due_idx ON sim.timers (due_at) WHERE done_at IS NULL`,
  `CREATE TABLE IF NOT EXISTS sim.events (
    event_id uuid PRIMARY KEY,
    order_id text NOT NULL,
    sequence integer NOT NULL,
    type text NOT NULL,
    body text NOT NULL,
    occurred_at timestamptz NOT NULL,
    UNIQUE (order_id, sequence)
  )`,
  `CREATE TABLE IF NOT EXISTS sim.deliveries (
    id bigserial PRIMARY KEY,
    event_id uuid NOT NULL REFERENCES sim.events (event_id) ON DELETE CASCADE,
    order_id text NOT NULL,
    sequence integer NOT NULL,
    callback_url text NOT NULL,
    copy integer NOT NULL DEFAULT 0,
    dropped boolean NOT NULL DEFAULT false,
    held_until timestamptz,
    attempts integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    delivered_at timestamptz,
    last_status integer,
    last_error text
  )`,
  `CREATE INDEX IF NOT EXISTS deliveries_pending_idx ON sim.deliveries (next_attempt_at)
    WHERE delivered_at IS NULL AND NOT dropped`,
  `CREATE INDEX IF NOT EXISTS deliveries_order_idx ON sim.deliveries (order_id, sequence)`,
  `CREATE TABLE IF NOT EXISTS sim.settings (
    id integer PRIMARY KEY CHECK (id = 1),
    clock jsonb,
    faults jsonb
  )`,
  `INSERT INTO sim.settings (id) VALUES (1) ON CONFLICT (id) DO NOTHING`,
];

export async function migrateSimDatabase(database: SimDatabase): Promise<void> {
  await database.transaction(async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('portway.carrier_sim.migrate'))");
    await client.query(`CREATE SCHEMA IF NOT EXISTS "${database.schema}"`);
    for (const statement of statements) {
      await database.query(client, statement);
    }
  });
}

/** Empties every table (tests and the sandbox's reset). Sequences keep counting so order IDs never repeat. */
export async function truncateSimDatabase(database: SimDatabase): Promise<void> {
  await database.query(database.pool, "TRUNCATE sim.deliveries, sim.events, sim.timers, sim.requests, sim.orders");
}
