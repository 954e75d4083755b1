import {
  authUsers,
  createDb,
  type DbHandle,
  emails,
  notifications,
  webhookDeliveries,
  webhookEndpoints,
  webhookEvents,
} from "@portway/db";
import { and, desc, eq, ilike, inArray, or } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  addCustomerNote,
  addStaffNote,
  applyOrderEventAs,
  type CustomerIdentity,
  cancelOrder,
  createWebhookEndpoint,
  getEmailPreference,
  listNotifications,
  markNotificationsReadFor,
  openTicket,
  recordOrderEvent,
  replyToTicket,
  runDailyDigest,
  seedDemoData,
  seedNumberingData,
  setEmailPreference,
  submitPortRequest,
  webhookEventTypes,
} from "../src/index";
import { demoCustomer, draftWithLoa, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";

/** Every event type of an order's life; an LOA signed online has its own test (loa-signing). */
const orderEventTypes = webhookEventTypes.filter((type) => type !== "loa.signed");

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const users: Record<string, { id: string; name: string; email: string }> = {};
const partner = { actor: { kind: "PARTNER" as const } };

function identity(email: string, role: "admin" | "member"): CustomerIdentity {
  const user = users[email];
  if (!user) {
    throw new Error(`demo user ${email} missing`);
  }
  return { kind: "customer", userId: user.id, name: user.name, email, role, accountId: acme.accountId };
}

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
  for (const row of await handle.db.select().from(authUsers)) {
    users[row.email] = row;
  }
});
afterAll(async () => {
  await handle.close();
});

async function notificationsOf(orderId: string) {
  return handle.db
    .select({ kind: notifications.kind, recipientId: notifications.recipientId, title: notifications.title })
    .from(notifications)
    .where(eq(notifications.orderId, orderId));
}

async function eventsOf(orderId: string) {
  return handle.db
    .select()
    .from(webhookEvents)
    .where(eq(webhookEvents.orderId, orderId))
    .orderBy(webhookEvents.occurredAt);
}

/** A submitted automated order of Acme, by its admin. */
async function submitted(reference: string, firstLine: number) {
  const clock = fixedClock(mondayMorning);
  const admin = identity("admin@acme.test", "admin");
  const who = { accountId: acme.accountId, userId: admin.userId, name: admin.name };
  const data = submissionData(tnRange("617253", firstLine, 2), reference);
  const draft = await draftWithLoa(handle.db, who, data);
  const result = await submitPortRequest(handle.db, clock, who, { draftId: draft.id, submission: data });
  return { orderId: result.orders[0]?.id ?? "", clock };
}

describe("notifications", () => {
  it("gives every event type its in-app notification and webhook event, with the full order summary", async () => {
    const admin = identity("admin@acme.test", "admin");
    const endpoint = await createWebhookEndpoint(handle.db, fixedClock(mondayMorning), admin, {
      url: "http://127.0.0.1:9/never-called",
      description: "all events",
      eventTypes: [...webhookEventTypes],
    });
    const { orderId, clock } = await submitted("NOTIFY-ALL", 8000);
    const analystId = users["analyst@portway.test"]?.id ?? "";
    const memberId = users["member@acme.test"]?.id ?? "";

    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "700000001" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "REJECTED",
      rejections: [{ code: "1P", text: "Address does not match" }],
    });
    await applyOrderEventAs(
      handle.db,
      clock,
      { actor: { kind: "USER", id: admin.userId }, accountId: acme.accountId },
      orderId,
      {
        type: "RESUBMIT",
      },
    );
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "SUPP_ACCEPTED" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-10T16:00:00.000Z",
    });
    await addStaffNote(
      handle.db,
      clock,
      { userId: analystId, name: "Pat Analyst" },
      {
        orderId,
        body: "We called the losing carrier.",
        internal: false,
      },
    );
    await addStaffNote(
      handle.db,
      clock,
      { userId: analystId, name: "Pat Analyst" },
      {
        orderId,
        body: "Internal: LSP is slow this week.",
        internal: true,
      },
    );
    await addCustomerNote(
      handle.db,
      clock,
      { accountId: acme.accountId, userId: memberId, name: "Member" },
      { orderId, body: "Our side is ready." },
    );
    const ticket = await openTicket(
      handle.db,
      clock,
      { accountId: acme.accountId, userId: memberId, name: "Member" },
      {
        orderId,
        subject: "When does it port?",
        body: "Please confirm the time.",
      },
    );
    await replyToTicket(
      handle.db,
      clock,
      { kind: "STAFF", userId: analystId, name: "Pat Analyst" },
      {
        ticketId: ticket.id,
        body: "Thursday 11:00 ET.",
        close: false,
      },
    );
    // Short-notice cancel, then the porting team records the LSP's answer: the manual request's outcome.
    const late = fixedClock(new Date("2026-12-09T17:00:00Z"));
    const current = await handle.db.query.portOrders.findFirst({ where: (o, { eq: is }) => is(o.id, orderId) });
    await cancelOrder(
      handle.db,
      late,
      { actor: { kind: "USER", id: admin.userId }, accountId: acme.accountId },
      {
        orderId,
        baseVersion: current?.version ?? 0,
        reason: "Plans changed",
      },
    );
    await recordOrderEvent(
      handle.db,
      late,
      { actor: { kind: "STAFF", id: analystId } },
      { type: "SUPP_ACCEPTED", orderId },
    );

    const events = await eventsOf(orderId);
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(orderEventTypes));
    const rejected = events.find((e) => e.type === "order.rejected");
    expect(rejected?.payload).toMatchObject({
      id: rejected?.id,
      type: "order.rejected",
      accountId: acme.accountId,
      data: {
        order: {
          id: orderId,
          status: "EXCEPTION",
          pon: "700000001",
          customerReference: "NOTIFY-ALL",
          tns: [
            { tn: "+16172538000", status: "PENDING" },
            { tn: "+16172538001", status: "PENDING" },
          ],
          rejections: [{ code: "1P", text: "Address does not match" }],
        },
      },
    });
    const foc = events.find((e) => e.type === "order.foc");
    expect(foc?.payload).toMatchObject({ data: { order: { status: "FOC", focAt: "2026-12-10T16:00:00.000Z" } } });
    // The internal note never reaches a webhook; the customer-visible one does, with its text.
    const noteEvents = events.filter((e) => e.type === "order.note_added");
    // The account's own systems hear of notes written by its users too.
    expect(noteEvents.map((e) => (e.payload.data as { note: { body: string } }).note.body).sort()).toEqual([
      "Our side is ready.",
      "We called the losing carrier.",
    ]);
    const deliveries = await handle.db
      .select()
      .from(webhookDeliveries)
      .where(
        inArray(
          webhookDeliveries.eventId,
          events.map((e) => e.id),
        ),
      );
    expect(deliveries).toHaveLength(events.length);
    expect(deliveries.every((d) => d.endpointId === endpoint.id && d.status === "PENDING")).toBe(true);

    const inApp = await notificationsOf(orderId);
    const toMember = inApp.filter((n) => n.recipientId === memberId).map((n) => n.kind);
    for (const type of orderEventTypes) {
      expect(toMember, type).toContain(type);
    }
    // The member opened the ticket: the team hears of it, the member does not hear of their own message.
    const toAnalystOrTeam = inApp.filter((n) => n.recipientId === analystId);
    expect(toAnalystOrTeam.map((n) => n.title)).toContain('New ticket "When does it port?" from Member');
    expect(toAnalystOrTeam.map((n) => n.title)).toContain("New note on NOTIFY-ALL from Member");
    expect(toMember.filter((k) => k === "order.note_added")).toHaveLength(1);
    expect(inApp.filter((n) => n.title.startsWith("Internal note")).every((n) => n.recipientId !== memberId)).toBe(
      true,
    );
    expect(inApp.filter((n) => n.title.startsWith("Internal note")).every((n) => n.recipientId !== analystId)).toBe(
      true,
    );
    expect(inApp.some((n) => n.title.startsWith("Internal note"))).toBe(true);
    // The admin resubmitted and cancelled: no notification of their own actions.
    const toAdmin = inApp.filter((n) => n.recipientId === admin.userId).map((n) => n.title);
    expect(toAdmin).not.toContain("NOTIFY-ALL is now submitted");
  });

  it("writes nothing for a change that rolled back", async () => {
    const { orderId, clock } = await submitted("NOTIFY-ROLLBACK", 8100);
    const before = (await notificationsOf(orderId)).length;
    const error = await failure(
      applyOrderEventAs(handle.db, clock, partner, orderId, {
        type: "FOC_RECEIVED",
        focAt: "2026-12-10T16:00:00.000Z",
      }),
    );
    expect(error.kind).toBe("PRECONDITION");
    expect(await notificationsOf(orderId)).toHaveLength(before);
  });

  it("lists, counts and marks read only the caller's notifications", async () => {
    const { orderId, clock } = await submitted("NOTIFY-READ", 8200);
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "700000002" });
    const member = { userId: users["member@acme.test"]?.id ?? "", kind: "customer" as const };
    // Other test files notify the same member at once (newer business times come first): page through them all.
    const unreadOfOrder = async () => {
      const found = [];
      for (let page = 0; ; page++) {
        const list = await listNotifications(handle.db, member, { unreadOnly: true, page, pageSize: 100 });
        found.push(...list.items.filter((n) => n.orderId === orderId));
        if (list.items.length < 100) {
          return found;
        }
      }
    };
    const mine = await unreadOfOrder();
    expect(mine.map((n) => n.title)).toContain("NOTIFY-READ is now CSR review");
    expect(mine[0]?.customerReference).toBe("NOTIFY-READ");
    const blueAdmin = { userId: users["admin@blueharbor.test"]?.id ?? "", kind: "customer" as const };
    const foreign = await markNotificationsReadFor(handle.db, clock, blueAdmin, { ids: mine.map((n) => n.id) });
    expect(foreign.changed).toBe(0);
    const one = await markNotificationsReadFor(handle.db, clock, member, { ids: [mine[0]?.id ?? ""] });
    expect(one.changed).toBe(1);
    expect((await unreadOfOrder()).map((n) => n.id)).toEqual(mine.slice(1).map((n) => n.id));
    const all = await markNotificationsReadFor(handle.db, clock, member, {});
    expect(all.unread).toBe(0);
    expect((await listNotifications(handle.db, member, { unreadOnly: true, page: 0, pageSize: 10 })).items).toEqual([]);
  });

  it("emails at once, in a daily digest at 07:00 ET, or not at all, as each user chose", async () => {
    const clock = fixedClock(mondayMorning);
    const member = { userId: users["member@blueharbor.test"]?.id ?? "", kind: "customer" as const };
    const admin = { userId: users["admin@blueharbor.test"]?.id ?? "", kind: "customer" as const };
    expect(await getEmailPreference(handle.db, member)).toMatchObject({ email: "IMMEDIATE", isDefault: true });
    await setEmailPreference(handle.db, clock, member, { email: "DAILY" });
    await setEmailPreference(handle.db, clock, admin, { email: "OFF" });
    const blue = await demoCustomer(handle.db, "blue-harbor");
    const who = { accountId: blue.accountId, userId: users["admin@blueharbor.test"]?.id ?? "", name: "Blue admin" };
    const data = submissionData(tnRange("617253", 8300, 1), "NOTIFY-DIGEST");
    const draft = await draftWithLoa(handle.db, who, data);
    const result = await submitPortRequest(handle.db, clock, who, { draftId: draft.id, submission: data });
    const orderId = result.orders[0]?.id ?? "";
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "700000003" });
    // This order's email and the digests only: other test files submit Blue Harbor orders at the same time, and
    // their immediate email may reach the member before the switch to DAILY.
    const to = (address: string) =>
      handle.db
        .select()
        .from(emails)
        .where(
          and(
            eq(emails.toAddress, address),
            or(
              eq(emails.kind, "DIGEST"),
              ilike(emails.bodyText, "%NOTIFY-DIGEST%"),
              ilike(emails.subject, "%NOTIFY-DIGEST%"),
            ),
          ),
        )
        .orderBy(desc(emails.createdAt));
    expect(await to("member@blueharbor.test")).toEqual([]);
    expect(await to("admin@blueharbor.test")).toEqual([]);

    // Monday 10:00 ET is after today's 07:00 slot: the first digest covers everything so far.
    const first = await runDailyDigest(handle.db, clock);
    expect(first.sent).toBeGreaterThanOrEqual(1);
    const digests = await to("member@blueharbor.test");
    expect(digests).toHaveLength(1);
    expect(digests[0]?.kind).toBe("DIGEST");
    expect(digests[0]?.bodyText).toContain("NOTIFY-DIGEST is now CSR review");
    // Not again the same day, even with new news; the next morning, yes.
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
    clock.advance(60 * 60_000);
    await runDailyDigest(handle.db, clock);
    expect(await to("member@blueharbor.test")).toHaveLength(1);
    clock.set(new Date("2026-12-08T12:05:00Z"));
    await runDailyDigest(handle.db, clock);
    const next = await to("member@blueharbor.test");
    expect(next).toHaveLength(2);
    expect(next[0]?.bodyText).toContain("pending FOC");
    expect(next[0]?.bodyText).not.toContain("is now CSR review");
  });

  it("refuses webhook changes by a member and bad endpoint input with the field", async () => {
    const member = identity("member@acme.test", "member");
    const refused = await failure(
      createWebhookEndpoint(handle.db, fixedClock(mondayMorning), member, {
        url: "https://example.com/hook",
        description: "",
        eventTypes: ["order.foc"],
      }),
    );
    expect(refused.kind).toBe("FORBIDDEN");
    const count = await handle.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.accountId, acme.accountId));
    expect(count.every((e) => e.url !== "https://example.com/hook")).toBe(true);
  });
});
