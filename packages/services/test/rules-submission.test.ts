import { createDb, type DbHandle, portOrders, updateCustomerAccount } from "@portway/db";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  previewSubmission,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  submitPortRequest,
  uploadDraftDocument,
} from "../src/index";
import {
  demoCustomer,
  draftWithLoa,
  failure,
  minimalPdf,
  mondayMorning,
  submissionData,
  tnRange,
} from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
let blue: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);

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

const codes = (issues: readonly { field: string; code: string }[]) => issues.map((i) => `${i.field}:${i.code}`);

describe("submissions with TNs in the forgiving formats follow the BTN rules (finding 7)", () => {
  it("refuses a partial port that moves the BTN without a replacement, the TNs typed as (617) 253-7000", async () => {
    const data = submissionData(["(617) 253-7000", "617-253-7001"], "RULES-PARTIAL-FORMATS", {
      btn: "+16172537000",
      partialPort: true,
    });
    const draft = await draftWithLoa(handle.db, acme, data);
    const error = await failure(submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data }));
    expect(error.kind).toBe("INVALID");
    expect(codes(error.issues)).toEqual(["replacementBtn:REPLACEMENT_BTN_REQUIRED"]);
  });

  it("accepts a valid full port whose TNs and BTN are typed in other formats, and stores the BTN canonical", async () => {
    const data = submissionData(["617.253.7010", "1-617-253-7011"], "RULES-FULL-FORMATS", {
      btn: "(617) 253-7010",
    });
    const draft = await draftWithLoa(handle.db, acme, data);
    const result = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    expect(result.orders.map((o) => [o.portType, o.tnCount, o.btn])).toEqual([["AUTOMATED", 2, "+16172537010"]]);
    const [row] = await handle.db
      .select()
      .from(portOrders)
      .where(eq(portOrders.id, result.orders[0]?.id ?? ""));
    expect((row?.details as { btn?: string } | undefined)?.btn).toBe("+16172537010");
  });
});

describe("an on-net-only account (finding 14)", () => {
  it("is refused off-net numbers, and may submit on-net ones", async () => {
    await updateCustomerAccount(handle.db, blue.accountId, { onNetOnly: true });
    try {
      const offNet = submissionData(tnRange("212573", 1000, 2), "RULES-ONNET-ONLY-OFF");
      const draft = await draftWithLoa(handle.db, blue, offNet);
      const error = await failure(submitPortRequest(handle.db, clock, blue, { draftId: draft.id, submission: offNet }));
      expect(error.kind).toBe("INVALID");
      expect(codes(error.issues)).toContain("tns:OFF_NET_NOT_ALLOWED");
      const onNet = submissionData(tnRange("312286", 7100, 2), "RULES-ONNET-ONLY-ON");
      const created = await submitPortRequest(handle.db, clock, blue, { submission: onNet });
      expect(created.orders.map((o) => o.portType)).toEqual(["ON_NET"]);
    } finally {
      await updateCustomerAccount(handle.db, blue.accountId, { onNetOnly: false });
    }
  });
});

describe("one LSP account is one order (finding 16)", () => {
  it("keeps 5,001 TNs of one account in one order and refuses it as over 5,000, instead of a 5,000 and a 1", async () => {
    // 212-568: an off-net block of Atlantic Telephone that no other test uses, so all 5,001 are free.
    const data = submissionData(tnRange("212568", 0, 5001), "RULES-5001", { requestedFoc: undefined });
    const preview = await previewSubmission(handle.db, clock, acme, { submission: data });
    expect(preview.orders.map((o) => o.tns.length)).toEqual([5001]);
    expect(codes(preview.errors)).toContain("tns:TOO_MANY_TNS");
    const error = await failure(submitPortRequest(handle.db, clock, acme, { submission: data }));
    expect(error.kind).toBe("INVALID");
    const rows = await handle.db.select().from(portOrders).where(eq(portOrders.customerReference, "RULES-5001"));
    expect(rows).toEqual([]);
  });
});

describe("an ON_NET order needs no LOA (finding 19)", () => {
  it("accepts an on-net submission whose LOA has no signature date", async () => {
    const data = submissionData(tnRange("312286", 7200, 2), "RULES-ONNET-LOA");
    const draft = await saveDraft(handle.db, clock, acme, { data });
    await uploadDraftDocument(handle.db, clock, acme, {
      draftId: draft.id,
      kind: "LOA",
      fileName: "loa.pdf",
      contentBase64: minimalPdf,
    });
    const result = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    expect(result.orders.map((o) => o.portType)).toEqual(["ON_NET"]);
  });
});
