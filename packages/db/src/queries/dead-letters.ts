import { sql } from "drizzle-orm";
import type { DbOrTx } from "../client";

/** The worker's queue for partner jobs that used up their retries (see the worker's queue setup). */
export const deadLetterQueueName = "partner.dead-letters";

export interface DeadLetterRow {
  id: string;
  /** When the job landed in the dead-letter queue. */
  createdAt: Date;
  /** Waiting for the porting team, or retried (then `retriedAt` and `retriedBy` say when and by whom). */
  state: "WAITING" | "RETRIED";
  orderId: string | null;
  outboxId: number | null;
  /** The original job (from its outbox row): what has to happen again. */
  job: string | null;
  error: string | null;
  retriedAt: Date | null;
  retriedBy: string | null;
  retryOutboxId: number | null;
  accountName: string | null;
  orderStatus: string | null;
  pon: string | null;
}

interface RawDeadLetter extends Record<string, unknown> {
  id: string;
  created_on: Date;
  state: string;
  order_id: string | null;
  outbox_id: string | null;
  job: string | null;
  error: string | null;
  retried_at: string | null;
  retried_by: string | null;
  retry_outbox_id: string | null;
  account_name: string | null;
  order_status: string | null;
  pon: string | null;
}

/** The queue's tables exist once a worker has started; before that there is nothing dead-lettered. */
async function queueExists(db: DbOrTx): Promise<boolean> {
  const result = await db.execute<{ present: boolean }>(sql`select to_regclass('pgboss.job') is not null as present`);
  return result.rows[0]?.present === true;
}

function toRow(r: RawDeadLetter): DeadLetterRow {
  return {
    id: r.id,
    createdAt: new Date(r.created_on),
    state: r.state === "completed" ? "RETRIED" : "WAITING",
    orderId: r.order_id,
    outboxId: r.outbox_id === null ? null : Number(r.outbox_id),
    job: r.job,
    error: r.error,
    retriedAt: r.retried_at ? new Date(r.retried_at) : null,
    retriedBy: r.retried_by,
    retryOutboxId: r.retry_outbox_id === null ? null : Number(r.retry_outbox_id),
    accountName: r.account_name,
    orderStatus: r.order_status,
    pon: r.pon,
  };
}

const selectDeadLetters = sql`
  select j.id, j.created_on, j.state::text as state,
         j.data->>'orderId' as order_id, j.data->>'outboxId' as outbox_id,
         o.job, j.output->>'message' as error,
         j.output->>'retriedAt' as retried_at, j.output->>'retriedBy' as retried_by,
         j.output->>'retryOutboxId' as retry_outbox_id,
         a.name as account_name, po.status as order_status, po.pon
  from pgboss.job j
  left join outbox o on o.id = case when j.data->>'outboxId' ~ '^[0-9]+$' then (j.data->>'outboxId')::bigint end
  left join port_orders po on po.id::text = j.data->>'orderId'
  left join customer_accounts a on a.id = po.account_id`;

/**
 * Dead-lettered partner jobs, newest first: those waiting for the porting team (`retried: false`) or those
 * already retried. "Mine" is the orders assigned to a staff member.
 */
export async function findDeadLetters(
  db: DbOrTx,
  page: { page: number; pageSize: number; retried: boolean; assignedTo?: string | undefined },
): Promise<{ rows: DeadLetterRow[]; total: number }> {
  if (!(await queueExists(db))) {
    return { rows: [], total: 0 };
  }
  const where = sql`j.name = ${deadLetterQueueName}
    and ${page.retried ? sql`j.state = 'completed'` : sql`j.state = 'created'`}
    ${page.assignedTo ? sql`and po.assigned_to = ${page.assignedTo}` : sql``}`;
  const [rows, total] = await Promise.all([
    db.execute<RawDeadLetter>(
      sql`${selectDeadLetters} where ${where} order by j.created_on desc, j.id limit ${page.pageSize} offset ${page.page * page.pageSize}`,
    ),
    db.execute<{ n: number }>(
      sql`select count(*)::int as n from pgboss.job j left join port_orders po on po.id::text = j.data->>'orderId' where ${where}`,
    ),
  ]);
  return { rows: rows.rows.map(toRow), total: total.rows[0]?.n ?? 0 };
}

export async function countWaitingDeadLetters(db: DbOrTx): Promise<number> {
  if (!(await queueExists(db))) {
    return 0;
  }
  const result = await db.execute<{ n: number }>(
    sql`select count(*)::int as n from pgboss.job where name = ${deadLetterQueueName} and state = 'created'`,
  );
  return result.rows[0]?.n ?? 0;
}

export async function findDeadLetter(db: DbOrTx, id: string): Promise<DeadLetterRow | null> {
  if (!(await queueExists(db))) {
    return null;
  }
  const result = await db.execute<RawDeadLetter>(
    sql`${selectDeadLetters} where j.name = ${deadLetterQueueName} and j.id = ${id}::uuid`,
  );
  const row = result.rows[0];
  return row ? toRow(row) : null;
}

/**
 * Marks a waiting dead letter as retried (completed, with who, when and the new outbox row in its output), only if
 * it is still waiting: a second retry of the same dead letter finds nothing to mark.
 */
export async function markDeadLetterRetried(
  db: DbOrTx,
  id: string,
  mark: { retriedAt: Date; retriedBy: string; retryOutboxId: number },
): Promise<boolean> {
  const output = JSON.stringify({
    retriedAt: mark.retriedAt.toISOString(),
    retriedBy: mark.retriedBy,
    retryOutboxId: mark.retryOutboxId,
  });
  const result = await db.execute<{ id: string }>(
    sql`update pgboss.job set state = 'completed', completed_on = now(),
          output = coalesce(output, '{}'::jsonb) || ${output}::jsonb
        where name = ${deadLetterQueueName} and id = ${id}::uuid and state = 'created'
        returning id`,
  );
  return result.rows.length === 1;
}

/** A dead letter's original work, written again to the outbox (the worker relays it to the queue). */
export async function insertOutboxJob(
  db: DbOrTx,
  row: { job: string; payload: Record<string, unknown>; orderKey: string | null },
): Promise<number> {
  const result = await db.execute<{ id: string }>(
    sql`insert into outbox (job, payload, order_key) values (${row.job}, ${JSON.stringify(row.payload)}::jsonb, ${row.orderKey}) returning id`,
  );
  return Number(result.rows[0]?.id);
}

export async function findOutboxRow(db: DbOrTx, id: number) {
  const result = await db.execute<{
    id: string;
    job: string;
    payload: Record<string, unknown>;
    order_key: string | null;
  }>(sql`select id, job, payload, order_key from outbox where id = ${id}`);
  const row = result.rows[0];
  return row ? { id: Number(row.id), job: row.job, payload: row.payload, orderKey: row.order_key } : null;
}

export interface OrderJobRow {
  source: "OUTBOX" | "QUEUE";
  id: string;
  job: string;
  state: string;
  createdAt: Date;
  finishedAt: Date | null;
  retryCount: number | null;
  detail: string | null;
}

/** The order's job history: outbox rows (written with the change) and the queue's jobs for the order. */
export async function findOrderJobs(db: DbOrTx, orderId: string): Promise<OrderJobRow[]> {
  const outbox = await db.execute<{
    id: string;
    job: string;
    created_at: Date;
    relayed_at: Date | null;
  }>(
    sql`select id, job, created_at, relayed_at from outbox where order_key = ${orderId} or payload->>'orderId' = ${orderId} order by id`,
  );
  const rows: OrderJobRow[] = outbox.rows.map((r) => ({
    source: "OUTBOX",
    id: String(r.id),
    job: r.job,
    state: r.relayed_at ? "relayed" : "waiting for relay",
    createdAt: new Date(r.created_at),
    finishedAt: r.relayed_at ? new Date(r.relayed_at) : null,
    retryCount: null,
    detail: null,
  }));
  if (await queueExists(db)) {
    const jobs = await db.execute<{
      id: string;
      name: string;
      state: string;
      created_on: Date;
      completed_on: Date | null;
      retry_count: number;
      output: Record<string, unknown> | null;
    }>(
      sql`select id, name, state::text as state, created_on, completed_on, retry_count, output
          from pgboss.job where data->>'orderId' = ${orderId} order by created_on`,
    );
    for (const j of jobs.rows) {
      const message = j.output && typeof j.output.message === "string" ? j.output.message : null;
      rows.push({
        source: "QUEUE",
        id: j.id,
        job: j.name,
        state: j.state,
        createdAt: new Date(j.created_on),
        finishedAt: j.completed_on ? new Date(j.completed_on) : null,
        retryCount: j.retry_count,
        detail: message,
      });
    }
  }
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
}
