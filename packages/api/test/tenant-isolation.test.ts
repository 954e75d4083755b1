import { createDb, type DbHandle } from "@portway/db";
import {
  addStaffNote,
  applyOrderEventAs,
  createApiKey,
  createWebhookEndpoint,
  fixedClock,
  type Identity,
  openTicket,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  sendSigningLink,
  submitPortRequest,
  uploadDraftDocument,
  uploadOrderDocument,
} from "@portway/services";
import { TRPCError } from "@trpc/server";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCustomerCaller, customerRouter } from "../src/customer";
import type { Context } from "../src/trpc";

let handle: DbHandle;
const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const pdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");

interface Victim {
  orderId: string;
  version: number;
  draftId: string;
  documentId: string;
  ticketId: string;
  reference: string;
  tn: string;
  endpointId: string;
  eventId: string;
  apiKeyId: string;
  notificationIds: string[];
  userId: string;
  signingRequestId: string;
}
let victim: Victim;
let attacker: Identity;

async function userOf(slug: string): Promise<{ accountId: string; userId: string; name: string }> {
  const rows = await handle.pool.query(
    "select u.id, u.name, u.account_id from auth_users u join customer_accounts a on a.id = u.account_id where a.slug = $1 order by u.email limit 1",
    [slug],
  );
  const row = rows.rows[0];
  return { accountId: row.account_id, userId: row.id, name: row.name };
}

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  const blue = await userOf("blue-harbor");
  const acme = await userOf("acme-voice");
  attacker = {
    kind: "customer",
    userId: acme.userId,
    name: acme.name,
    email: "a@x.test",
    role: "admin",
    accountId: acme.accountId,
  };
  const tn = "+16172539100";
  const data = {
    tns: [tn],
    btn: tn,
    partialPort: false,
    subscriber: { type: "BUSINESS" as const, businessName: "Blue Client" },
    accountNumber: "BLUE-1",
    serviceAddress: { houseNumber: "1", street: "Harbor Way", city: "Boston", state: "MA" as const, zip: "02110" },
    loaAuthorizingPerson: "Blue Person",
    requestedFoc: "2026-12-10T16:00:00.000Z",
    onDemandActivation: true,
    customerOrderRef: "BLUE-SECRET-REF",
  };
  const draft = await saveDraft(handle.db, clock, blue, { data });
  await uploadDraftDocument(handle.db, clock, blue, {
    draftId: draft.id,
    kind: "LOA",
    fileName: "loa.pdf",
    contentBase64: pdf,
    signedAt: "2026-12-04T15:00:00Z",
  });
  const submitted = await submitPortRequest(handle.db, clock, blue, { draftId: draft.id, submission: data });
  const orderId = submitted.orders[0]?.id ?? "";
  const accepted = await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, orderId, {
    type: "PARTNER_ACCEPTED",
    pon: "987654321",
  });
  const document = await uploadOrderDocument(handle.db, clock, blue, {
    orderId,
    kind: "OTHER",
    fileName: "bill.pdf",
    contentBase64: pdf,
  });
  const ticket = await openTicket(handle.db, clock, blue, { orderId, subject: "Secret", body: "Secret question" });
  const otherDraft = await saveDraft(handle.db, clock, blue, { data: { customerOrderRef: "BLUE-DRAFT" } });
  const blueAdmin = { kind: "customer" as const, ...blue, email: "b@x.test", role: "admin" as const };
  const endpoint = await createWebhookEndpoint(handle.db, clock, blueAdmin, {
    url: "http://127.0.0.1:9/blue",
    description: "Blue Client hook",
    eventTypes: ["order.note_added"],
  });
  await addStaffNote(handle.db, clock, { userId: blue.userId, name: "Team" }, { orderId, body: "Hi", internal: false });
  const event = await handle.pool.query("select id from webhook_events where account_id = $1 limit 1", [
    blue.accountId,
  ]);
  const apiKey = await createApiKey(handle.db, clock, blueAdmin, { name: "Blue Client key" });
  const signing = await sendSigningLink(handle.db, clock, blue, {
    orderId,
    signerName: "Blue Person",
    signerEmail: "person@blue.test",
  });
  const blueNotifications = await handle.pool.query(
    "select n.id from notifications n join auth_users u on u.id = n.recipient_id where u.account_id = $1",
    [blue.accountId],
  );
  victim = {
    orderId,
    version: accepted.version,
    draftId: otherDraft.id,
    documentId: document.id,
    ticketId: ticket.id,
    reference: "BLUE-SECRET-REF",
    tn,
    endpointId: endpoint.id,
    eventId: event.rows[0]?.id ?? "",
    apiKeyId: apiKey.id,
    notificationIds: blueNotifications.rows.map((r) => r.id as string),
    userId: blue.userId,
    signingRequestId: signing.id,
  };
});
afterAll(async () => {
  await handle.close();
});

function caller() {
  const ctx: Context = { db: handle.db, clock, identity: attacker, config: { partnerUrl: "http://127.0.0.1:9" } };
  return createCustomerCaller(ctx);
}
type Caller = ReturnType<typeof caller>;

/** A fingerprint of everything the victim account has, to prove a refused call changed nothing. */
async function victimState() {
  const q = async (text: string, id: string) => (await handle.pool.query(text, [id])).rows;
  return JSON.stringify([
    await q("select * from port_orders where id = $1", victim.orderId),
    await q("select * from port_drafts where id = $1", victim.draftId),
    await q("select id, kind, file_name, size from documents where order_id = $1 order by id", victim.orderId),
    await q("select * from tickets where id = $1", victim.ticketId),
    await q("select count(*)::int from notes where order_id = $1", victim.orderId),
    await q("select count(*)::int from ticket_messages where ticket_id = $1", victim.ticketId),
    await q("select count(*)::int from order_history where order_id = $1", victim.orderId),
    await q("select * from webhook_endpoints where id = $1", victim.endpointId),
    await q("select count(*)::int from webhook_deliveries where endpoint_id = $1", victim.endpointId),
    await q("select * from api_keys where id = $1", victim.apiKeyId),
    await q("select * from signing_requests where id = $1", victim.signingRequestId),
    await q(
      "select id, read_at from notifications where account_id = $1 order by id",
      (await userOf("blue-harbor")).accountId,
    ),
    await q(
      "select u.id, u.email, u.role, count(c.id)::int as credentials from auth_users u left join auth_accounts c on c.user_id = u.id where u.account_id = $1 group by u.id order by u.id",
      (await userOf("blue-harbor")).accountId,
    ),
  ]);
}

type Check =
  | { kind: "notFound"; call: (c: Caller) => Promise<unknown> }
  | { kind: "scoped"; call: (c: Caller) => Promise<unknown> };

/** Every customer procedure, called by account A with account B's IDs (or, without IDs, checked for B's data). */
const table: Record<string, Check> = {
  "me.get": { kind: "scoped", call: (c) => c.me.get() },
  "numbers.check": { kind: "scoped", call: (c) => c.numbers.check({ input: victim.tn }) },
  "drafts.list": { kind: "scoped", call: (c) => c.drafts.list() },
  "drafts.get": { kind: "notFound", call: (c) => c.drafts.get({ draftId: victim.draftId }) },
  "drafts.save": {
    kind: "notFound",
    call: (c) => c.drafts.save({ draftId: victim.draftId, baseVersion: 1, data: { customerOrderRef: "X" } }),
  },
  "drafts.remove": { kind: "notFound", call: (c) => c.drafts.remove({ draftId: victim.draftId }) },
  "drafts.uploadDocument": {
    kind: "notFound",
    call: (c) =>
      c.drafts.uploadDocument({ draftId: victim.draftId, kind: "OTHER", fileName: "x.pdf", contentBase64: pdf }),
  },
  "submissions.preview": {
    kind: "scoped",
    call: (c) => c.submissions.preview({ draftId: victim.draftId, submission: { tns: [victim.tn] } }),
  },
  // Same reference, other account: a separate namespace; B's order is neither returned nor touched.
  "submissions.submit": {
    kind: "scoped",
    call: (c) => c.submissions.submit({ submission: { tns: [victim.tn], customerOrderRef: victim.reference } }),
  },
  "orders.list": { kind: "scoped", call: (c) => c.orders.list({ tn: victim.tn }) },
  "orders.exportCsv": { kind: "scoped", call: (c) => c.orders.exportCsv({}) },
  "orders.get": { kind: "notFound", call: (c) => c.orders.get({ orderId: victim.orderId }) },
  "orders.edit": {
    kind: "notFound",
    call: (c) =>
      c.orders.edit({
        orderId: victim.orderId,
        baseVersion: victim.version,
        changes: { accountNumber: "X", pin: null },
      }),
  },
  "orders.reschedule": {
    kind: "notFound",
    call: (c) =>
      c.orders.reschedule({ orderId: victim.orderId, baseVersion: victim.version, date: "2026-12-14", time: "11:00" }),
  },
  "orders.cancel": {
    kind: "notFound",
    call: (c) => c.orders.cancel({ orderId: victim.orderId, baseVersion: victim.version }),
  },
  "orders.resubmit": {
    kind: "notFound",
    call: (c) => c.orders.resubmit({ orderId: victim.orderId, baseVersion: victim.version }),
  },
  "orders.activate": {
    kind: "notFound",
    call: (c) => c.orders.activate({ orderId: victim.orderId, baseVersion: victim.version }),
  },
  "notes.add": { kind: "notFound", call: (c) => c.notes.add({ orderId: victim.orderId, body: "hi" }) },
  "documents.upload": {
    kind: "notFound",
    call: (c) => c.documents.upload({ orderId: victim.orderId, kind: "OTHER", fileName: "x.pdf", contentBase64: pdf }),
  },
  "documents.remove": { kind: "notFound", call: (c) => c.documents.remove({ documentId: victim.documentId }) },
  "tickets.open": {
    kind: "notFound",
    call: (c) => c.tickets.open({ orderId: victim.orderId, subject: "x", body: "y" }),
  },
  "tickets.reply": { kind: "notFound", call: (c) => c.tickets.reply({ ticketId: victim.ticketId, body: "y" }) },
  "home.summary": { kind: "scoped", call: (c) => c.home.summary() },
  "foc.forOrder": { kind: "notFound", call: (c) => c.foc.forOrder({ orderId: victim.orderId }) },
  "foc.forSubmission": { kind: "scoped", call: (c) => c.foc.forSubmission({ orders: [] }) },
  "foc.risk": { kind: "scoped", call: (c) => c.foc.risk({ orders: [] }) },
  "account.users": { kind: "scoped", call: (c) => c.account.users() },
  "account.addUser": {
    kind: "scoped",
    call: (c) =>
      c.account.addUser({
        name: "Acme Added",
        email: "added@acme.test",
        role: "member",
        password: "first-password-0123",
      }),
  },
  "account.changeRole": {
    kind: "notFound",
    call: (c) => c.account.changeRole({ userId: victim.userId, role: "member" }),
  },
  "account.deactivateUser": { kind: "notFound", call: (c) => c.account.deactivateUser({ userId: victim.userId }) },
  "drafts.documents": { kind: "notFound", call: (c) => c.drafts.documents({ draftId: victim.draftId }) },
  "drafts.generateLoa": { kind: "notFound", call: (c) => c.drafts.generateLoa({ draftId: victim.draftId }) },
  "notifications.list": { kind: "scoped", call: (c) => c.notifications.list({}) },
  "notifications.unreadCount": { kind: "scoped", call: (c) => c.notifications.unreadCount() },
  // Another user's notification IDs are ignored: nothing of theirs is marked read.
  "notifications.markRead": { kind: "scoped", call: (c) => c.notifications.markRead({ ids: victim.notificationIds }) },
  "notifications.preference": { kind: "scoped", call: (c) => c.notifications.preference() },
  "notifications.setPreference": { kind: "scoped", call: (c) => c.notifications.setPreference({ email: "DAILY" }) },
  "webhooks.eventTypes": { kind: "scoped", call: (c) => c.webhooks.eventTypes() },
  "webhooks.list": { kind: "scoped", call: (c) => c.webhooks.list() },
  "webhooks.get": { kind: "notFound", call: (c) => c.webhooks.get({ endpointId: victim.endpointId }) },
  "webhooks.create": {
    kind: "scoped",
    call: (c) => c.webhooks.create({ url: "https://acme.test/hook", eventTypes: ["order.foc"] }),
  },
  "webhooks.update": {
    kind: "notFound",
    call: (c) =>
      c.webhooks.update({ endpointId: victim.endpointId, url: "https://evil.test/", eventTypes: ["order.foc"] }),
  },
  "webhooks.rotateSecret": {
    kind: "notFound",
    call: (c) => c.webhooks.rotateSecret({ endpointId: victim.endpointId }),
  },
  "webhooks.setEnabled": {
    kind: "notFound",
    call: (c) => c.webhooks.setEnabled({ endpointId: victim.endpointId, enabled: false }),
  },
  "webhooks.sendTest": { kind: "notFound", call: (c) => c.webhooks.sendTest({ endpointId: victim.endpointId }) },
  "webhooks.replay": {
    kind: "notFound",
    call: (c) => c.webhooks.replay({ endpointId: victim.endpointId, eventId: victim.eventId }),
  },
  "webhooks.deliveries": { kind: "notFound", call: (c) => c.webhooks.deliveries({ endpointId: victim.endpointId }) },
  "webhooks.event": { kind: "notFound", call: (c) => c.webhooks.event({ eventId: victim.eventId }) },
  "apiKeys.list": { kind: "scoped", call: (c) => c.apiKeys.list() },
  "apiKeys.create": { kind: "scoped", call: (c) => c.apiKeys.create({ name: "Acme key" }) },
  "apiKeys.revoke": { kind: "notFound", call: (c) => c.apiKeys.revoke({ keyId: victim.apiKeyId }) },
  "signing.send": {
    kind: "notFound",
    call: (c) => c.signing.send({ orderId: victim.orderId, signerName: "Evil", signerEmail: "evil@acme.test" }),
  },
  "signing.list": { kind: "notFound", call: (c) => c.signing.list({ orderId: victim.orderId }) },
  "signing.revoke": { kind: "notFound", call: (c) => c.signing.revoke({ id: victim.signingRequestId }) },
  "bulk.template": { kind: "scoped", call: (c) => c.bulk.template() },
  // Another account's TN in a bulk file is "in an active order", never whose or which.
  "bulk.preview": { kind: "scoped", call: (c) => c.bulk.preview(bulkFile()) },
  "bulk.submit": { kind: "scoped", call: (c) => c.bulk.submit({ ...bulkFile(), mode: "SUBMIT" }) },
};

/** A bulk file with the victim's TN and BTN. */
function bulkFile() {
  const header = "tn,btn,house_number,street,city,state,zip,authorizing_person";
  const row = `${victim.tn},${victim.tn},1,Harbor Way,Boston,MA,02110,Evil`;
  return {
    fileName: "x.csv",
    contentBase64: Buffer.from(`${header}\n${row}\n`).toString("base64"),
    reference: "EVIL-BULK",
  };
}

describe("tenant isolation", () => {
  it("has an entry for every customer procedure", () => {
    const procedures = Object.keys(customerRouter._def.procedures).sort();
    expect(Object.keys(table).sort()).toEqual(procedures);
  });

  it.each(Object.entries(table))("%s never reaches another account's data", async (_path, check) => {
    const before = await victimState();
    let outcome: unknown;
    let code: string | null = null;
    try {
      outcome = await check.call(caller());
    } catch (error) {
      code = error instanceof TRPCError ? error.code : String(error);
    }
    if (check.kind === "notFound") {
      expect(code).toBe("NOT_FOUND");
    } else {
      const text = JSON.stringify(outcome ?? code);
      expect(text).not.toContain(victim.orderId);
      expect(text).not.toContain(victim.reference);
      expect(text).not.toContain("Blue Client");
    }
    expect(await victimState()).toBe(before);
  });
});
