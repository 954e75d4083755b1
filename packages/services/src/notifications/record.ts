import {
  type DbOrTx,
  type EmailPreference,
  findAccountRecipients,
  findOpenRejections,
  findOrderLines,
  findOrderRow,
  findStaffRecipients,
  findWebhookEndpoints,
  insertEmails,
  insertNotifications,
  insertWebhookDeliveries,
  insertWebhookEvents,
  type PortOrderRow,
} from "@portway/db";
import { type Actor, mapRejection, type OrderEvent, type OrderStatus, type PortOrder } from "@portway/domain";
import { newEventId, type OrderSummary, orderSummary, type WebhookEventType, type WebhookPayload } from "./events";

/** Users without a stored preference: customers get email at once, the porting team none (they live in the portal). */
export function defaultEmailPreference(kind: string): EmailPreference {
  return kind === "staff" ? "OFF" : "IMMEDIATE";
}

const eastern = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "America/New_York",
});

export function formatEt(at: string | Date): string {
  return `${eastern.format(new Date(at))} ET`;
}

const acronyms: Record<string, string> = { csr: "CSR", foc: "FOC", supp: "SUPP" };

/** `PENDING_FOC` reads "pending FOC" in a sentence. */
export function statusLabel(status: string): string {
  return status
    .toLowerCase()
    .split("_")
    .map((word) => acronyms[word] ?? word)
    .join(" ");
}

/** How a notification names an order: the customer's reference, else the PON, else the start of its ID. */
export function orderName(order: { customerReference: string | null; pon: string | null; id: string }): string {
  return order.customerReference ?? order.pon ?? `order ${order.id.slice(0, 8)}`;
}

interface Audience {
  /** The account's users get it in-app (and by email per preference). */
  customers: boolean;
  /** The porting team gets it in-app: the order's analyst when assigned, else every staff user. */
  staff: boolean;
  /** Sent to the account's webhooks subscribed to the type. */
  webhook: boolean;
}

export interface NotificationFact {
  accountId: string;
  order: { id: string; assignedTo: string | null; customerReference: string | null; pon: string | null } | null;
  type: WebhookEventType;
  title: string;
  body: string;
  at: Date;
  audience: Audience;
  /** Whoever caused it is not told about it. */
  actorUserId: string | null;
  /** The webhook payload's data (the order summary and what happened). */
  data: Record<string, unknown>;
}

function emailBody(fact: NotificationFact, portal: "customer" | "admin", name: string) {
  const lines = [`Hello ${name},`, "", fact.body, ""];
  if (fact.order) {
    // The portal's address is filled in when the email is sent, so the log does not depend on the deployment.
    lines.push(`Open the order: {{${portal}}}/orders/${fact.order.id}`, "");
  }
  lines.push(
    `Sent ${formatEt(fact.at)}.`,
    `Change how you get these emails: {{${portal}}}/${portal === "customer" ? "account/notifications" : "notifications/preferences"}`,
  );
  return lines.join("\n");
}

/**
 * The notifications of one batch (one transaction): the recipient and endpoint reads they share, keyed by account,
 * and the rows they write, inserted together by `flushNotifications`.
 */
export interface NotificationBatch {
  customers: Map<string, Awaited<ReturnType<typeof findAccountRecipients>>>;
  staff: Map<string, Awaited<ReturnType<typeof findStaffRecipients>>>;
  endpoints: Map<string, Awaited<ReturnType<typeof findWebhookEndpoints>>>;
  notifications: Parameters<typeof insertNotifications>[1];
  emails: Parameters<typeof insertEmails>[1];
  events: Parameters<typeof insertWebhookEvents>[1];
  deliveries: Parameters<typeof insertWebhookDeliveries>[1];
}

export function createNotificationBatch(): NotificationBatch {
  return {
    customers: new Map(),
    staff: new Map(),
    endpoints: new Map(),
    notifications: [],
    emails: [],
    events: [],
    deliveries: [],
  };
}

/** Writes what the batch's facts recorded: one insert per table (events before the deliveries that name them). */
export async function flushNotifications(db: DbOrTx, batch: NotificationBatch) {
  const { notifications, emails, events, deliveries } = batch;
  batch.notifications = [];
  batch.emails = [];
  batch.events = [];
  batch.deliveries = [];
  await insertNotifications(db, notifications);
  await insertEmails(db, emails);
  await insertWebhookEvents(db, events);
  await insertWebhookDeliveries(db, deliveries);
}

async function readOnce<T>(cache: Map<string, T>, key: string, read: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached !== undefined) {
    return cached;
  }
  const value = await read();
  cache.set(key, value);
  return value;
}

/**
 * Records one fact in the caller's transaction: in-app rows for its audience, immediate emails for those who want
 * them, and one webhook event with a delivery per subscribed endpoint. Rolled back with the change that caused it.
 * With a batch, the rows join it and are written by the caller's `flushNotifications`; without, at once.
 */
export async function recordNotification(db: DbOrTx, fact: NotificationFact, batch?: NotificationBatch) {
  const target = batch ?? createNotificationBatch();
  // One after the other: inside a transaction they share one connection. A batch shares the reads.
  const customers = fact.audience.customers
    ? await readOnce(target.customers, fact.accountId, () => findAccountRecipients(db, fact.accountId))
    : [];
  const staff = fact.audience.staff ? await readOnce(target.staff, "", () => findStaffRecipients(db)) : [];
  const endpoints = fact.audience.webhook
    ? await readOnce(target.endpoints, fact.accountId, () => findWebhookEndpoints(db, fact.accountId))
    : [];
  const assigned = fact.order?.assignedTo ?? null;
  const staffAudience =
    assigned && staff.some((s) => s.id === assigned) ? staff.filter((s) => s.id === assigned) : staff;
  const recipients = [
    ...customers.map((u) => ({ ...u, portal: "customer" as const })),
    ...staffAudience.map((u) => ({ ...u, portal: "admin" as const })),
  ].filter((u) => u.id !== fact.actorUserId);
  for (const u of recipients) {
    target.notifications.push({
      recipientId: u.id,
      accountId: fact.accountId,
      orderId: fact.order?.id ?? null,
      kind: fact.type,
      title: fact.title,
      body: fact.body,
      createdAt: fact.at,
    });
    if ((u.emailPreference ?? defaultEmailPreference(u.kind)) === "IMMEDIATE") {
      target.emails.push({
        recipientId: u.id,
        toAddress: u.email,
        subject: `Portway: ${fact.title}`,
        bodyText: emailBody(fact, u.portal, u.name),
        kind: "NOTIFICATION",
        nextAttemptAt: fact.at,
        createdAt: fact.at,
      });
    }
  }
  const subscribed = endpoints.filter((e) => e.enabled && e.eventTypes.includes(fact.type));
  if (subscribed.length > 0) {
    const id = newEventId();
    const payload: WebhookPayload = {
      id,
      type: fact.type,
      occurredAt: fact.at.toISOString(),
      accountId: fact.accountId,
      data: fact.data,
    };
    target.events.push({
      id,
      accountId: fact.accountId,
      orderId: fact.order?.id ?? null,
      type: fact.type,
      payload: payload as unknown as Record<string, unknown>,
      occurredAt: fact.at,
    });
    for (const e of subscribed) {
      target.deliveries.push({
        eventId: id,
        endpointId: e.id,
        accountId: fact.accountId,
        nextAttemptAt: fact.at,
        createdAt: fact.at,
      });
    }
  }
  if (!batch) {
    await flushNotifications(db, target);
  }
}

/** The kind of news an order change is, most specific first; null when nobody needs telling. */
function describeOrderChange(
  before: PortOrder,
  after: PortOrder,
  event: OrderEvent,
  actor: Actor,
  name: string,
): { type: WebhookEventType; title: string; body: string; staff: boolean } | null {
  if (event.type === "REJECTED") {
    const reasons = after.rejections.map((r) => `${r.code}: ${r.title}`).join("; ");
    return {
      type: "order.rejected",
      title: `${name} was rejected`,
      body: `The order was rejected (${reasons || "no reason given"}). Fix what the rejection names and resubmit.`,
      staff: true,
    };
  }
  if ((event.type === "SUPP_ACCEPTED" || event.type === "SUPP_REJECTED") && actor.kind === "STAFF") {
    const accepted = event.type === "SUPP_ACCEPTED";
    const what = before.supp?.type === "CANCEL" ? "cancellation" : "change";
    return {
      type: "manual_request.resolved",
      title: `Your ${what} of ${name} was ${accepted ? "accepted" : "refused"}`,
      body: accepted
        ? `The porting team confirmed your short-notice ${what} with the losing carrier.${after.focAt ? ` FOC: ${formatEt(after.focAt)}.` : ""}`
        : `The losing carrier refused your short-notice ${what}: ${event.reason}`,
      staff: false,
    };
  }
  if (after.focAt && after.focAt !== before.focAt) {
    return {
      type: "order.foc",
      title: `FOC ${before.focAt ? "changed" : "confirmed"} for ${name}`,
      body: `The numbers port on ${formatEt(after.focAt)}${before.focAt ? ` (was ${formatEt(before.focAt)})` : ""}.`,
      staff: false,
    };
  }
  if (after.status !== before.status) {
    return {
      type: "order.status_changed",
      title: `${name} is now ${statusLabel(after.status)}`,
      body: `The order moved from ${statusLabel(before.status)} to ${statusLabel(after.status)}.`,
      staff: after.status === "EXCEPTION",
    };
  }
  return null;
}

/** Called by the order store for every applied event, in its transaction. */
export async function recordOrderChange(
  db: DbOrTx,
  change: {
    row: PortOrderRow;
    before: PortOrder;
    after: PortOrder;
    event: OrderEvent;
    actor: Actor;
    at: Date;
  },
  batch?: NotificationBatch,
) {
  const { row, before, after } = change;
  if (before.status === "DRAFT" && after.status === "DRAFT") {
    return;
  }
  const name = orderName({ customerReference: row.customerReference, pon: after.pon, id: row.id });
  const news = describeOrderChange(before, after, change.event, change.actor, name);
  if (!news) {
    return;
  }
  await recordNotification(
    db,
    {
      accountId: row.accountId,
      order: { id: row.id, assignedTo: row.assignedTo, customerReference: row.customerReference, pon: after.pon },
      type: news.type,
      title: news.title,
      body: news.body,
      at: change.at,
      audience: { customers: true, staff: news.staff, webhook: true },
      actorUserId: change.actor.kind === "USER" || change.actor.kind === "STAFF" ? (change.actor.id ?? null) : null,
      data: {
        order: orderSummary(after, row, change.at),
        change: { event: change.event.type, from: before.status as OrderStatus, to: after.status },
      },
    },
    batch,
  );
}

/** The order summary read back from the database (for facts that do not change the order itself). */
export async function loadOrderSummary(db: DbOrTx, row: PortOrderRow): Promise<OrderSummary> {
  const lines = await findOrderLines(db, row.id);
  const open = await findOpenRejections(db, row.id);
  return {
    id: row.id,
    status: row.status as OrderStatus,
    portType: row.portType,
    pon: row.pon,
    focAt: row.focAt ? row.focAt.toISOString() : null,
    customerReference: row.customerReference,
    version: row.version,
    tnCount: row.tnCount,
    tns: lines.map((l) => ({ tn: l.tn, status: l.status, excludedReason: l.excludedReason })),
    rejections: open.map((r) => {
      const mapped = mapRejection({ code: r.code, text: r.rawText ?? "" });
      return { code: r.code, reason: mapped.reason, title: mapped.title, text: r.rawText ?? "" };
    }),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** What the caller of a note already holds: the order's row and summary, and its notification batch. */
export interface NoteContext {
  order?: PortOrderRow;
  summary?: OrderSummary;
  notifications?: NotificationBatch;
}

/** A note: customer-visible ones reach the account (and its webhooks), internal ones only the porting team. */
export async function recordNoteAdded(
  db: DbOrTx,
  note: {
    id: string;
    orderId: string;
    body: string;
    visibility: "CUSTOMER" | "INTERNAL";
    source: string;
    authorId: string | null;
    authorName: string;
    at: Date;
  },
  known: NoteContext = {},
) {
  const row = known.order ?? (await findOrderRow(db, { orderId: note.orderId }));
  if (!row) {
    return;
  }
  const name = orderName(row);
  const internal = note.visibility === "INTERNAL";
  const fromCustomer = note.source === "USER";
  const excerpt = note.body.length > 280 ? `${note.body.slice(0, 277)}…` : note.body;
  await recordNotification(
    db,
    {
      accountId: row.accountId,
      order: row,
      type: "order.note_added",
      title: `${internal ? "Internal note" : "New note"} on ${name} from ${note.authorName}`,
      body: excerpt,
      at: note.at,
      audience: { customers: !internal && !fromCustomer, staff: internal || fromCustomer, webhook: !internal },
      actorUserId: note.authorId,
      data: internal
        ? {}
        : {
            order: await loadOrderSummary(db, row),
            note: { id: note.id, body: note.body, source: note.source, author: note.authorName },
          },
    },
    known.notifications,
  );
}

/** A ticket message: from the porting team it reaches the account; from the customer, the porting team. */
export async function recordTicketMessage(
  db: DbOrTx,
  message: {
    ticketId: string;
    orderId: string | null;
    accountId: string;
    subject: string;
    body: string;
    fromStaff: boolean;
    opened: boolean;
    status: string;
    authorId: string;
    authorName: string;
    at: Date;
  },
) {
  const row = message.orderId ? await findOrderRow(db, { orderId: message.orderId }) : null;
  const excerpt = message.body.length > 280 ? `${message.body.slice(0, 277)}…` : message.body;
  const title = message.fromStaff
    ? `The porting team answered "${message.subject}"`
    : message.opened
      ? `New ticket "${message.subject}" from ${message.authorName}`
      : `${message.authorName} replied on "${message.subject}"`;
  await recordNotification(db, {
    accountId: message.accountId,
    order: row,
    type: "ticket.replied",
    title,
    body: excerpt,
    at: message.at,
    audience: { customers: message.fromStaff, staff: !message.fromStaff, webhook: message.fromStaff },
    actorUserId: message.authorId,
    data: {
      ...(row ? { order: await loadOrderSummary(db, row) } : {}),
      ticket: {
        id: message.ticketId,
        subject: message.subject,
        status: message.status,
        message: { body: message.body, author: message.authorName, at: message.at.toISOString() },
      },
    },
  });
}
