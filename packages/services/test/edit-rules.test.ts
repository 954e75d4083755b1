import { createDb, type DbHandle, portOrderTns } from "@portway/db";
import type { OrderChanges } from "@portway/domain";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  applyOrderEventAs,
  editOrder,
  getOrderDetail,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
} from "../src/index";
import { demoCustomer, draftWithLoa, failure, jobsOf, mondayMorning, submissionData, tnRange } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
let blue: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);
const partner = { actor: { kind: "PARTNER" as const } };
// The partner's order ID is unique per order.
let ponSequence = 0;
const nextPon = () => `42${String(++ponSequence).padStart(7, "0")}`;

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
  blue = await demoCustomer(handle.db, "blue-harbor");
});
afterAll(async () => {
  await handle.close();
});

const customer = () => ({ actor: { kind: "USER" as const, id: acme.userId }, accountId: acme.accountId });

/** An order of acme submitted and moved to PENDING_FOC (before FOC: every SPEC 8 field may change). */
async function pendingOrder(tns: string[], reference: string, overrides: Record<string, unknown> = {}) {
  const data = submissionData(tns, reference, overrides);
  const draft = await draftWithLoa(handle.db, acme, data);
  const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  const orderId = submitted.orders[0]?.id ?? "";
  await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "PARTNER_ACCEPTED", pon: nextPon() });
  const pending = await applyOrderEventAs(handle.db, clock, partner, orderId, { type: "CSR_UNAVAILABLE" });
  return { orderId, version: pending.version, portRequestId: submitted.portRequestId };
}

/** The edit is refused as invalid input naming the field, and nothing changed: no SUPP, same status and TNs. */
async function expectRefused(
  order: { orderId: string; version: number },
  changes: OrderChanges,
  expected: { field: string; code: string },
) {
  const before = await handle.db.select().from(portOrderTns).where(eq(portOrderTns.orderId, order.orderId));
  const error = await failure(
    editOrder(handle.db, clock, customer(), { orderId: order.orderId, baseVersion: order.version, changes }),
  );
  expect(error.kind).toBe("INVALID");
  expect(error.issues.map((issue) => `${issue.field}:${issue.code}`)).toContain(`${expected.field}:${expected.code}`);
  for (const issue of error.issues) {
    expect(issue.field).not.toBe("");
    expect(issue.message.length).toBeGreaterThan(10);
  }
  const detail = await getOrderDetail(handle.db, { orderId: order.orderId }, { staff: true, now: mondayMorning });
  expect(detail.order.status).toBe("PENDING_FOC");
  expect(detail.order.version).toBe(order.version);
  expect(await jobsOf(handle.db, order.orderId)).not.toContain("partner.send-supp");
  const after = await handle.db.select().from(portOrderTns).where(eq(portOrderTns.orderId, order.orderId));
  expect(after.map((l) => l.tn).sort()).toEqual(before.map((l) => l.tn).sort());
  return error;
}

describe("an edit before FOC is validated as the submission of the order it would produce", () => {
  it("refuses to grow an AUTOMATED order to 700 TNs: the port type would change", async () => {
    // A block of the same carrier (Atlantic Telephone, off-net) that no other test uses.
    const order = await pendingOrder(tnRange("212573", 0, 2), "EDIT-700");
    const error = await expectRefused(
      order,
      { tns: tnRange("212573", 0, 700) },
      { field: "tns", code: "EDIT_CHANGES_PORT_TYPE" },
    );
    expect(error.issues.find((i) => i.code === "EDIT_CHANGES_PORT_TYPE")?.message).toContain("PROJECT");
  });

  it("refuses on-net TNs in an off-net order: they would be another order", async () => {
    const order = await pendingOrder(tnRange("617253", 6800, 2), "EDIT-ONNET");
    await expectRefused(
      order,
      { tns: [...tnRange("617253", 6800, 2), ...tnRange("312286", 6800, 1)] },
      { field: "tns", code: "EDIT_SPLITS_ORDER" },
    );
  });

  it("refuses TNs of another losing carrier", async () => {
    const order = await pendingOrder(tnRange("617253", 6810, 2), "EDIT-CARRIER");
    await expectRefused(
      order,
      { tns: [...tnRange("617253", 6810, 2), ...tnRange("415577", 6810, 1)] },
      { field: "tns", code: "EDIT_SPLITS_ORDER" },
    );
  });

  it("refuses a TN that is not in the numbering plan", async () => {
    const order = await pendingOrder(tnRange("617253", 6820, 2), "EDIT-NOPLAN");
    await expectRefused(
      order,
      { tns: [...tnRange("617253", 6820, 2), "+17572345678"] },
      { field: "tns", code: "NOT_IN_PLAN" },
    );
  });

  it("refuses a TN listed twice", async () => {
    const order = await pendingOrder(tnRange("617253", 6830, 2), "EDIT-DUPLICATE");
    const [first = "", second = ""] = tnRange("617253", 6830, 2);
    await expectRefused(order, { tns: [first, second, second] }, { field: "tns", code: "DUPLICATE_TN" });
  });

  it("refuses a partial port that moves the BTN without a replacement BTN", async () => {
    const order = await pendingOrder(tnRange("617253", 6840, 2), "EDIT-PARTIAL");
    await expectRefused(order, { partialPort: true }, { field: "replacementBtn", code: "REPLACEMENT_BTN_REQUIRED" });
  });

  it("refuses clearing the account number and PIN of a wireless LSP", async () => {
    const order = await pendingOrder(tnRange("415577", 6850, 2), "EDIT-WIRELESS", { pin: "4321" });
    const error = await expectRefused(
      order,
      { accountNumber: null, pin: null },
      { field: "accountNumber", code: "ACCOUNT_NUMBER_REQUIRED" },
    );
    expect(error.issues.map((i) => `${i.field}:${i.code}`)).toContain("pin:PIN_REQUIRED");
  });

  it("refuses an 11-character house number (partner limit 10)", async () => {
    const order = await pendingOrder(tnRange("617253", 6860, 2), "EDIT-HOUSE");
    const error = await expectRefused(
      order,
      { serviceAddress: { houseNumber: "12345678901" } },
      { field: "serviceAddress.houseNumber", code: "TOO_LONG_FOR_PARTNER" },
    );
    expect(error.issues[0]?.message).toContain("10");
  });

  it("refuses another account's active TN as a 4xx naming the TN list, not a database error", async () => {
    const theirs = tnRange("617253", 6870, 1);
    const data = submissionData(theirs, "EDIT-THEIRS");
    const draft = await draftWithLoa(handle.db, blue, data);
    await submitPortRequest(handle.db, clock, blue, { draftId: draft.id, submission: data });
    const order = await pendingOrder(tnRange("617253", 6880, 2), "EDIT-OTHER-ACCOUNT");
    const error = await expectRefused(
      order,
      { tns: [...tnRange("617253", 6880, 2), ...theirs] },
      { field: "tns", code: "IN_ACTIVE_ORDER_OTHER_ACCOUNT" },
    );
    // Another account's order is never named.
    expect(JSON.stringify(error.issues)).not.toContain("EDIT-THEIRS");
  });

  it("refuses a TN of another of the account's own active orders", async () => {
    await pendingOrder(tnRange("617253", 6890, 1), "EDIT-MINE-1");
    const order = await pendingOrder(tnRange("617253", 6895, 2), "EDIT-MINE-2");
    await expectRefused(
      order,
      { tns: [...tnRange("617253", 6895, 2), ...tnRange("617253", 6890, 1)] },
      { field: "tns", code: "IN_ACTIVE_ORDER_SAME_ACCOUNT" },
    );
  });

  it("still accepts a valid edit: more TNs of the same account within the port type, and a new house number", async () => {
    const order = await pendingOrder(tnRange("617253", 6900, 2), "EDIT-VALID");
    const edited = await editOrder(handle.db, clock, customer(), {
      orderId: order.orderId,
      baseVersion: order.version,
      changes: { tns: tnRange("617253", 6900, 5), serviceAddress: { houseNumber: "1234567890" } },
    });
    expect(edited.status).toBe("CSR_REVIEW");
    expect(await jobsOf(handle.db, order.orderId)).toContain("partner.send-supp");
  });

  it("judges the BTN of a split port request against all its orders' TNs", async () => {
    // The BTN is on-net; the off-net order of the same request is a full port of the same LSP account.
    const tns = [...tnRange("202263", 6910, 1), ...tnRange("617253", 6910, 2)];
    const data = submissionData(tns, "EDIT-SPLIT");
    const draft = await draftWithLoa(handle.db, acme, data);
    const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    expect(submitted.orders.map((o) => o.portType)).toEqual(["ON_NET", "AUTOMATED"]);
    const orderId = submitted.orders[1]?.id ?? "";
    const before = await getOrderDetail(handle.db, { orderId }, { staff: true, now: mondayMorning });
    const edited = await editOrder(handle.db, clock, customer(), {
      orderId,
      baseVersion: before.order.version,
      changes: { tns: tnRange("617253", 6910, 3) },
    });
    expect(edited.version).toBe(before.order.version + 1);
  });
});
