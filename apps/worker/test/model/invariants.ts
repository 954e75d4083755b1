import { earliestFocDate, getFocWindowMinutes, isBusinessDay, type PortType, toEasternWallTime } from "@portway/domain";
import { loadCalendar } from "@portway/services";
import { failedJobs, query, type World } from "./harness";
import { type Model, TERMINAL } from "./model";

/** Manual requests that carry a customer action to the porting team (short notice, project ports). */
const CUSTOMER_REQUEST_KINDS = ["SHORT_NOTICE_CANCEL", "SHORT_NOTICE_RESCHEDULE", "PROJECT_PORT"];

interface OrderRow {
  id: string;
  status: string;
  version: number;
  portType: PortType | null;
  focAt: Date | null;
  partnerOrderId: string | null;
  carrierId: string | null;
  stuckSince: Date | null;
  supp: Record<string, unknown> | null;
  minDays: number | null;
}

interface HistoryRow {
  id: number;
  orderId: string;
  version: number;
  event: string;
  from: string;
  to: string;
  actor: string;
  at: Date;
}

/**
 * The invariants of issue 14, read from the database and the simulator after each step. `strict` is the check at the
 * end of a run, after the callback faults were cleared and reconciliation ran: by then every event the partner
 * emitted must have arrived.
 */
export async function checkInvariants(world: World, model: Model, options: { strict?: boolean } = {}) {
  const ids = model.orders.map((o) => o.id);
  if (ids.length === 0) {
    return [];
  }
  const violations: string[] = [];
  const name = (id: string) => `order #${model.orders.find((o) => o.id === id)?.index ?? "?"}`;
  // What the partner emitted is read before what Portway recorded: an event delivered by then is stored by then.
  const sim = world.simSchema;
  const simOrders = await query<{ orderId: string; clientOrderId: string; status: string }>(
    world,
    `select order_id as "orderId", client_order_id as "clientOrderId", status from "${sim}".orders
      where client_order_id = any($1)`,
    [ids],
  );
  const partnerIds = simOrders.map((o) => o.orderId);
  const simRequests = await query<{ orderId: string; operation: string; n: number }>(
    world,
    `select order_id as "orderId", operation, count(*)::int as n from "${sim}".requests
      where order_id = any($1) group by order_id, operation`,
    [partnerIds],
  );
  const simEvents = await query<{
    eventId: string;
    orderId: string;
    sequence: number;
    type: string;
    delivered: boolean;
    undelivered: boolean;
  }>(
    world,
    `select e.event_id::text as "eventId", e.order_id as "orderId", e.sequence, e.type,
            coalesce(bool_or(d.delivered_at is not null), false) as delivered,
            coalesce(bool_or(d.delivered_at is null), false) as undelivered
       from "${sim}".events e left join "${sim}".deliveries d on d.event_id = e.event_id
      where e.order_id = any($1) group by e.event_id, e.order_id, e.sequence, e.type`,
    [partnerIds],
  );

  // Portway's side in one snapshot, so that an order, its TNs, history and events agree with each other.
  const client = await world.loop.handle.pool.connect();
  await client.query("begin isolation level repeatable read read only");
  const read = async <R>(text: string, values: unknown[]) => (await client.query(text, values)).rows as R[];
  const orders = await read<OrderRow>(
    `select o.id, o.status, o.version, o.port_type as "portType", o.foc_at as "focAt",
            o.partner_order_id as "partnerOrderId", o.carrier_id as "carrierId", o.stuck_since as "stuckSince",
            o.supp, c.min_business_days as "minDays"
       from port_orders o left join carriers c on c.id = o.carrier_id
      where o.id = any($1)`,
    [ids],
  );
  const tns = await read<{ orderId: string; tn: string; status: string; active: boolean }>(
    `select order_id as "orderId", tn, status, active from port_order_tns where order_id = any($1)`,
    [ids],
  );
  const history = await read<HistoryRow>(
    `select id::int as id, order_id as "orderId", version, event, from_status as from, to_status as to,
            actor_kind as actor, at
       from order_history where order_id = any($1) order by id`,
    [ids],
  );
  const manual = await read<{ orderId: string; kind: string; status: string }>(
    `select order_id as "orderId", kind, status from manual_requests where order_id = any($1)`,
    [ids],
  );
  const events = await read<{
    eventId: string;
    orderId: string | null;
    partnerOrderId: string;
    sequence: number;
    type: string;
    status: string;
    detail: string | null;
    body: Record<string, unknown>;
  }>(
    `select event_id as "eventId", order_id as "orderId", partner_order_id as "partnerOrderId", sequence, type, status,
            detail, body
       from partner_events where order_id = any($1) or partner_order_id = any($2)`,
    [ids, partnerIds],
  );
  await client.query("commit");
  client.release();
  const openManual = (id: string) => manual.some((m) => m.orderId === id && m.status === "OPEN");
  /** Surfaced to the porting team: the exceptions queue, the stuck queue or an open manual request. */
  const inQueue = (row: OrderRow) => row.status === "EXCEPTION" || row.stuckSince !== null || openManual(row.id);

  // 1. No dead letter (nor a partner job on its way to one) for anything the product accepted.
  for (const job of await failedJobs(world, ids)) {
    violations.push(`dead letter: ${job.name} of ${name(job.orderId)} ${job.state}: ${job.message}`);
  }
  const letters = await query<{ orderId: string; name: string }>(
    world,
    `select data->>'orderId' as "orderId", name from pgboss.job
      where name = 'partner.dead-letters' and data->>'orderId' = any($1)`,
    [ids],
  );
  for (const letter of letters) {
    violations.push(`dead letter queued for ${name(letter.orderId)}`);
  }

  for (const row of orders) {
    const label = name(row.id);
    const modelOrder = model.orders.find((o) => o.id === row.id);
    const lines = tns.filter((t) => t.orderId === row.id);
    const simOrder = simOrders.find((o) => o.clientOrderId === row.id);

    // 2. No order CANCELLED or COMPLETE with TNs in the wrong state.
    if (row.status === "COMPLETE") {
      const wrong = lines.filter((l) => l.status !== "ACTIVATED" && l.status !== "EXCLUDED");
      if (wrong.length > 0 || !lines.some((l) => l.status === "ACTIVATED")) {
        violations.push(`${label} COMPLETE with TNs ${lines.map((l) => `${l.tn}=${l.status}`).join(", ")}`);
      }
    }
    if (row.status === "CANCELLED") {
      if (lines.some((l) => l.status === "ACTIVATED")) {
        violations.push(`${label} CANCELLED with activated TNs`);
      }
      if (simOrder && ["ACTIVATED", "PARTIALLY_ACTIVATED"].includes(simOrder.status)) {
        violations.push(`${label} CANCELLED while the partner ported its numbers (${simOrder.status})`);
      }
    }
    if (TERMINAL.includes(row.status) && lines.some((l) => l.active)) {
      violations.push(`${label} ${row.status} still holds TNs as active`);
    }
    if (modelOrder && TERMINAL.includes(modelOrder.status) && modelOrder.status !== row.status) {
      violations.push(`${label} left ${modelOrder.status} for ${row.status}`);
    }

    // 3. Every FOC on a business day, inside its port type's window, not before the earliest FOC (or flagged).
    if (row.focAt && row.portType) {
      const submitted = history.find((h) => h.orderId === row.id && h.event === "SUBMIT");
      const calendar = await loadCalendar(world.loop.handle.db, row.carrierId, row.focAt);
      const wall = toEasternWallTime(row.focAt.getTime());
      const window = getFocWindowMinutes(row.portType);
      const earliest = submitted
        ? earliestFocDate({
            portType: row.portType,
            now: submitted.at.toISOString(),
            calendar,
            carrierMinBusinessDays: row.portType === "ON_NET" ? 0 : (row.minDays ?? 0),
          })
        : null;
      const problems = [
        isBusinessDay(wall.date, calendar) ? null : `${wall.date} is not a business day`,
        wall.minuteOfDay >= window.from && wall.minuteOfDay <= window.to
          ? null
          : `${wall.time} ET is outside the window`,
        earliest && wall.date < earliest ? `before the earliest FOC ${earliest}` : null,
      ].filter(Boolean);
      // Flagged for the porting team: in a queue now, or a review of the FOC was raised (it closes with the order).
      const flagged = inQueue(row) || manual.some((m) => m.orderId === row.id && m.kind === "FOC_REVIEW");
      if (problems.length > 0 && !flagged && row.status !== "CANCELLED") {
        violations.push(`${label} FOC ${row.focAt.toISOString()} taken on trust: ${problems.join("; ")}`);
      }
    }

    // 4. Every partner event applied, parked with a reason, or surfaced in a queue.
    if (simOrder) {
      const stored = events.filter((e) => e.partnerOrderId === simOrder.orderId);
      const applied = new Set(
        stored.filter((e) => e.status === "APPLIED" || e.status === "IGNORED").map((e) => e.sequence),
      );
      for (const emitted of simEvents.filter((e) => e.orderId === simOrder.orderId)) {
        const event = stored.find((e) => e.eventId === emitted.eventId);
        const what = `${label} partner event ${emitted.sequence} ${emitted.type}`;
        if (!event) {
          // By the end every event of an open order must have come in (by callback or reconciliation); a terminal
          // order is no longer reconciled, and what it missed is checked against the partner's own state below.
          if ((options.strict && !TERMINAL.includes(row.status)) || (emitted.delivered && !emitted.undelivered)) {
            violations.push(`${what} never recorded (${emitted.delivered ? "delivered" : "not delivered"})`);
          }
          continue;
        }
        const gap = Array.from({ length: event.sequence - 1 }, (_, i) => i + 1).some((s) => !applied.has(s));
        if (event.status === "REFUSED" && !inQueue(row)) {
          violations.push(`${what} refused and dropped: ${event.detail}`);
        } else if (
          event.status === "RECEIVED" &&
          !gap &&
          (event.detail === null || (options.strict && !TERMINAL.includes(row.status) && !inQueue(row)))
        ) {
          violations.push(`${what} left waiting with nothing before it${event.detail ? `: ${event.detail}` : ""}`);
        } else if (!["APPLIED", "IGNORED", "RECEIVED", "REFUSED"].includes(event.status) && !event.detail) {
          violations.push(`${what} ${event.status} without a reason`);
        }
      }
      // The FOC an order shows is the one the LSP committed to last.
      const focs = stored
        .filter((e) => e.type === "FOC" && (e.status === "APPLIED" || e.status === "IGNORED"))
        .sort((a, b) => a.sequence - b.sequence);
      const lastFoc = focs.at(-1);
      const focValue = typeof lastFoc?.body.focAt === "string" ? lastFoc.body.focAt : null;
      if (
        row.status === "FOC" &&
        row.supp === null &&
        focValue &&
        row.focAt &&
        Date.parse(focValue) !== row.focAt.getTime() &&
        !inQueue(row)
      ) {
        violations.push(`${label} shows FOC ${row.focAt.toISOString()} but the LSP's last FOC is ${focValue}`);
      }
      if (options.strict && simOrder.status === "ACTIVATED" && row.status !== "COMPLETE") {
        violations.push(`${label} is ${row.status} although the partner activated every TN`);
      }
    }

    // 5. History append-only and consistent with the status.
    const rows = history.filter((h) => h.orderId === row.id);
    const keys = rows.map((h) => `${h.id}:${h.version}:${h.event}:${h.from}>${h.to}`);
    if (modelOrder) {
      const lost = modelOrder.history.filter((key, i) => keys[i] !== key);
      if (lost.length > 0) {
        violations.push(`${label} history rewritten: ${lost.join(", ")}`);
      }
      modelOrder.history = keys;
    }
    rows.forEach((h, i) => {
      const before = rows[i - 1];
      if (before && (h.from !== before.to || h.version !== before.version + 1)) {
        violations.push(`${label} history breaks at v${h.version} ${h.event}: ${before.to} then ${h.from}>${h.to}`);
      }
    });
    const last = rows.at(-1);
    if (!last || last.to !== row.status || last.version !== row.version) {
      violations.push(
        `${label} is ${row.status} v${row.version} but its history ends ${last ? `${last.to} v${last.version}` : "empty"}`,
      );
    }

    // 6. Each accepted customer action produced exactly one partner request (or one request to the porting team).
    if (modelOrder) {
      const scheduled = rows.filter((h) => h.event === "ACTIVATE" && h.actor === "SYSTEM").length;
      const expected = modelOrder.accepted.length + scheduled;
      const partner = simRequests
        .filter((r) => simOrder && r.orderId === simOrder.orderId)
        .reduce((sum, r) => sum + r.n, 0);
      // Requests to the porting team on the customer's behalf (not the exceptions the product raises for staff).
      const toTeam = manual.filter((m) => m.orderId === row.id && CUSTOMER_REQUEST_KINDS.includes(m.kind)).length;
      const actual = (simOrder ? 1 : 0) + partner + toTeam;
      if (actual !== expected) {
        violations.push(
          `${label}: ${expected} accepted actions (${modelOrder.accepted.map((a) => a.kind).join(", ")}${scheduled ? `, ${scheduled} scheduled activation` : ""}) but ${actual} requests (${simOrder ? 1 : 0} create, ${partner} SUPP/activate, ${toTeam} manual)`,
        );
      }
    }
  }
  return violations;
}
