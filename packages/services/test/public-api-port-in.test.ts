import { apiKeys, authUsers, createDb, type DbHandle, portDrafts } from "@portway/db";
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  applyOrderEventAs,
  createApiKey,
  findPortInSummary,
  getBandwidthPortIn,
  getOrderDetail,
  getPortIn,
  type OrderDetailView,
  resolveApiKeyOnce,
  resolvePortIn,
  revokeApiKeyOf,
  seedDemoData,
  seedNumberingData,
  submitOrAwaitDocuments,
  submitPortRequest,
} from "../src/index";
import { demoCustomer, draftWithLoa, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
let blue: Awaited<ReturnType<typeof demoCustomer>>;
let statements = 0;
const partner = { actor: { kind: "PARTNER" as const } };
const clock = fixedClock(mondayMorning);

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
  blue = await demoCustomer(handle.db, "blue-harbor");
  // Counts the statements a read sends (Drizzle and raw queries go through the pool's query).
  const query = handle.pool.query.bind(handle.pool);
  handle.pool.query = ((...args: Parameters<typeof query>) => {
    statements++;
    return query(...args);
  }) as typeof handle.pool.query;
});
afterAll(async () => {
  await handle.close();
});

async function countStatements<T>(read: () => Promise<T>): Promise<{ result: T; statements: number }> {
  const before = statements;
  const result = await read();
  return { result, statements: statements - before };
}

async function submitted(reference: string, firstLine: number, count: number) {
  const data = submissionData(tnRange("617253", firstLine, count), reference);
  const draft = await draftWithLoa(handle.db, acme, data);
  const result = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  return { orderId: result.orders[0]?.id ?? "", draftId: draft.id };
}

/** The drafts of acme's that carry this customer order reference. */
function draftsOfReference(reference: string) {
  return handle.db
    .select({ id: portDrafts.id })
    .from(portDrafts)
    .where(and(eq(portDrafts.accountId, acme.accountId), sql`${portDrafts.data}->>'customerOrderRef' = ${reference}`));
}

/** What the REST representation reads of the order page. */
function restPart(detail: OrderDetailView) {
  const { order } = detail;
  return {
    order: {
      id: order.id,
      accountId: order.accountId,
      portRequestId: order.portRequestId,
      status: order.status,
      portType: order.portType,
      pon: order.pon,
      version: order.version,
      customerReference: order.customerReference,
      focAt: order.focAt,
      requestedFocAt: order.requestedFocAt,
      shortNoticeCutoff: order.shortNoticeCutoff,
      supp: order.supp,
      activationDueAt: order.activationDueAt,
      activationHeld: order.activationHeld,
      onNet: order.onNet,
      carrier: order.carrier,
      createdAt: order.createdAt,
      updatedAt: order.updatedAt,
      details: order.details,
    },
    actions: detail.actions,
    tns: detail.tns,
    rejections: detail.rejections.map(({ rawText: _rawText, ...rejection }) => rejection),
  };
}

const pageOf = (orderId: string) =>
  getOrderDetail(handle.db, { orderId, accountId: acme.accountId }, { staff: false, now: mondayMorning });

describe("the public API's one-order reads", () => {
  it("show an order at FOC as the order page does (cutoff, actions, masked PIN), each from one statement", async () => {
    const { orderId } = await submitted("PAPI-READ-FOC", 7420, 3);
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "742000001" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-10T16:00:00.000Z",
    });
    const page = await pageOf(orderId);
    expect(page.order.status).toBe("FOC");
    expect(page.order.shortNoticeCutoff).toBe("2026-12-09T16:00:00.000Z");

    const rest = await countStatements(() =>
      getPortIn(handle.db, { orderId, accountId: acme.accountId }, { now: mondayMorning }),
    );
    expect(rest.result).toEqual(restPart(page));
    expect(rest.statements).toBe(1);

    const summary = await countStatements(() => findPortInSummary(handle.db, { orderId, accountId: acme.accountId }));
    const { shortNoticeCutoff: _cutoff, ...order } = restPart(page).order;
    expect(summary.result).toEqual({ order, tns: page.tns });
    expect(summary.statements).toBe(1);

    const bandwidth = await countStatements(() => getBandwidthPortIn(handle.db, acme.accountId, orderId));
    expect(bandwidth.result).toEqual({ kind: "order", orderId, view: { order, tns: page.tns } });
    expect(bandwidth.statements).toBe(1);
  });

  it("show activated and excluded lines (their instants and reasons) as the order page does", async () => {
    const tns = tnRange("617253", 7480, 3);
    const { orderId } = await submitted("PAPI-READ-LINES", 7480, 3);
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "748000001" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "FOC_RECEIVED",
      focAt: "2026-12-10T16:00:00.000Z",
    });
    const later = fixedClock(new Date("2026-12-10T16:00:01.234Z"));
    await applyOrderEventAs(handle.db, later, partner, orderId, {
      type: "TNS_EXCLUDED",
      tns: [tns[2] ?? ""],
      reason: "Not portable",
    });
    await applyOrderEventAs(handle.db, later, partner, orderId, { type: "TNS_ACTIVATED", tns: [tns[0] ?? ""] });
    const page = await pageOf(orderId);
    expect(page.tns.map((l) => [l.status, l.excludedReason, l.activatedAt?.toISOString() ?? null])).toEqual([
      // The activation instant is the database's (microseconds), read back truncated to milliseconds like the driver.
      ["ACTIVATED", null, expect.any(String)],
      ["PENDING", null, null],
      ["EXCLUDED", "Not portable", null],
    ]);
    const view = await getPortIn(handle.db, { orderId, accountId: acme.accountId }, { now: mondayMorning });
    expect(view).toEqual(restPart(page));
    expect((await findPortInSummary(handle.db, { orderId, accountId: acme.accountId }))?.tns).toEqual(page.tns);
  });

  it("show an order's open and resolved rejections, newest first, as the order page does", async () => {
    const { orderId } = await submitted("PAPI-READ-REJECTED", 7430, 2);
    await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: "743000001" });
    await applyOrderEventAs(handle.db, clock, partner, orderId, {
      type: "REJECTED",
      rejections: [
        { code: "PIN_MISMATCH", text: "PIN does not match", tns: [tnRange("617253", 7430, 1)[0] ?? ""] },
        { code: "ACCOUNT_NUMBER_MISMATCH", text: "Account number does not match" },
      ],
    });
    const page = await pageOf(orderId);
    expect(page.order.status).toBe("EXCEPTION");
    expect(page.rejections).toHaveLength(2);
    const view = await getPortIn(handle.db, { orderId, accountId: acme.accountId }, { now: mondayMorning });
    expect(view).toEqual(restPart(page));
    expect(view.actions.find((a) => a.action === "RESUBMIT")?.allowed).toBe(
      page.actions.find((a) => a.action === "RESUBMIT")?.allowed,
    );
  });

  it("hide another account's order, and refuse an ID that is not one", async () => {
    const { orderId } = await submitted("PAPI-READ-TENANT", 7440, 1);
    const error = await failure(getPortIn(handle.db, { orderId, accountId: blue.accountId }, { now: mondayMorning }));
    expect(error.kind).toBe("NOT_FOUND");
    expect(await findPortInSummary(handle.db, { orderId, accountId: blue.accountId })).toBeNull();
    expect((await failure(getBandwidthPortIn(handle.db, blue.accountId, orderId))).kind).toBe("NOT_FOUND");
    expect((await failure(getBandwidthPortIn(handle.db, acme.accountId, "not-an-id"))).kind).toBe("NOT_FOUND");
    expect((await failure(resolvePortIn(handle.db, blue.accountId, orderId))).kind).toBe("NOT_FOUND");
  });

  it("resolve a submitted draft's ID to its first order and a waiting draft to PENDING_DOCUMENTS, in one statement", async () => {
    const { orderId, draftId } = await submitted("PAPI-READ-DRAFT-ID", 7450, 1);
    const viaDraft = await countStatements(() => resolvePortIn(handle.db, acme.accountId, draftId));
    expect(viaDraft.result).toEqual({ kind: "order", orderId, orderIds: [orderId] });
    expect(viaDraft.statements).toBe(1);
    expect(await getBandwidthPortIn(handle.db, acme.accountId, draftId)).toMatchObject({ kind: "order", orderId });

    const waiting = await submitOrAwaitDocuments(
      handle.db,
      clock,
      acme,
      submissionData(tnRange("617253", 7460, 1), "PAPI-READ-PENDING"),
    );
    expect(waiting.kind).toBe("pending-documents");
    const pendingId = waiting.kind === "pending-documents" ? waiting.draftId : "";
    const resolved = await countStatements(() => resolvePortIn(handle.db, acme.accountId, pendingId));
    expect(resolved.result).toEqual({ kind: "draft", draftId: pendingId, pendingDocuments: true });
    expect(resolved.statements).toBe(1);
    expect(await getBandwidthPortIn(handle.db, acme.accountId, pendingId)).toEqual(resolved.result);
  });

  it("refuse a submission with an error other than the missing LOA, keeping no draft", async () => {
    const error = await failure(
      submitOrAwaitDocuments(
        handle.db,
        clock,
        acme,
        submissionData(tnRange("617253", 7470, 1), "PAPI-READ-REFUSED", { requestedFoc: "2026-12-01T16:00:00.000Z" }),
      ),
    );
    expect(error.kind).toBe("INVALID");
    expect(error.issues.length).toBeGreaterThan(0);
    expect(error.issues.map((i) => i.code)).not.toContain("LOA_REQUIRED");
    expect(await draftsOfReference("PAPI-READ-REFUSED")).toEqual([]);
  });

  it("keep a waiting draft whole or not at all: when its PENDING_DOCUMENTS mark cannot be written, no draft is left", async () => {
    // The mark of this one submission fails as a crash or a lost connection between the two writes would.
    await handle.pool.query(`
      create or replace function papi_refuse_mark() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from port_drafts d
                   where d.id = new.draft_id and d.data->>'customerOrderRef' = 'PAPI-HALF-WRITTEN') then
          raise exception 'the mark cannot be written';
        end if;
        return new;
      end $$;
      create trigger papi_refuse_mark before insert on api_pending_submissions
        for each row execute function papi_refuse_mark();
    `);
    try {
      await expect(
        submitOrAwaitDocuments(handle.db, clock, acme, submissionData(tnRange("617253", 7495, 1), "PAPI-HALF-WRITTEN")),
      ).rejects.toMatchObject({ cause: { message: "the mark cannot be written" } });
    } finally {
      await handle.pool.query(
        "drop trigger papi_refuse_mark on api_pending_submissions; drop function papi_refuse_mark();",
      );
    }
    expect(await draftsOfReference("PAPI-HALF-WRITTEN")).toEqual([]);
  });

  it("resolve an API key with one prepared read, writing its last use at most once a minute", async () => {
    const [user] = await handle.db
      .select()
      .from(authUsers)
      .where(and(eq(authUsers.accountId, acme.accountId), eq(authUsers.role, "admin")))
      .limit(1);
    const admin = {
      kind: "customer" as const,
      userId: user?.id ?? "",
      accountId: acme.accountId,
      name: user?.name ?? "",
      email: user?.email ?? "",
      role: "admin" as const,
    };
    const created = await createApiKey(handle.db, clock, admin, { name: "PAPI key check" });
    const at = (seconds: number) => new Date(mondayMorning.getTime() + seconds * 1000);
    const resolve = (when: Date) => countStatements(() => resolveApiKeyOnce(handle.db, `Bearer ${created.key}`, when));

    const first = await resolve(at(0));
    expect(first.result).toMatchObject({ accountId: acme.accountId, userId: admin.userId, apiKey: { id: created.id } });
    // Never used: the read, then the last use written.
    expect(first.statements).toBe(2);
    expect((await resolve(at(30))).statements).toBe(1);
    expect((await resolve(at(59))).statements).toBe(1);
    expect((await resolve(at(61))).statements).toBe(2);
    const [stored] = await handle.db
      .select({ lastUsedAt: apiKeys.lastUsedAt })
      .from(apiKeys)
      .where(eq(apiKeys.id, created.id));
    expect(stored?.lastUsedAt).toEqual(at(61));

    await revokeApiKeyOf(handle.db, clock, admin, { keyId: created.id });
    expect((await resolve(at(62))).result).toBeNull();
  });
});
