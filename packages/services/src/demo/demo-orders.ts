import {
  countUnsentSupps,
  type Db,
  findAccountIdBySlug,
  findOrderProgress,
  hasOrderWithReferencePrefix,
} from "@portway/db";
import { easternToInstant, type OrderDraft } from "@portway/domain";
import type { Clock } from "../clock";
import { uploadDraftDocument } from "../collaboration/documents";
import { getSubmissionFocOptions } from "../customer/foc-options";
import { saveDraft } from "../orders/drafts";
import { cancelOrder, rescheduleOrder } from "../orders/order-actions";
import { submitPortRequest } from "../orders/submit";

/** How the demo moves through time: business clock, and a way to move it (with the simulator) forward. */
export interface DemoDriver {
  db: Db;
  clock: Clock & { refresh(): Promise<void> };
  moveClockTo(at: Date): Promise<void>;
  log(line: string): void;
}

const referencePrefix = "DEMO-";
const minute = 60_000;
const hour = 60 * minute;
const demoAccountSlug = "acme-voice";
const demoUserId = "demo-admin-acme";
// A one-page PDF stands in for the signed LOA.
const loaPdf = Buffer.from(
  "%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n",
).toString("base64");

/** The losing carriers of the demo numbers (SPIDs of the sample numbering data). */
const demoCarriers = { offNet: "9202", onNet: "9201" } as const;

function offNet(index: number): string {
  return `+1617253${String(6000 + index).padStart(4, "0")}`;
}

function onNet(index: number): string {
  return `+1312286${String(6000 + index).padStart(4, "0")}`;
}

interface DemoOrderSpec {
  reference: string;
  tns: string[];
  focDate: string;
  /** ET; project ports go live at 11:30. */
  focTime?: string;
  accountNumber?: string;
  businessName: string;
}

function submission(spec: DemoOrderSpec): OrderDraft {
  const [first = ""] = spec.tns;
  return {
    tns: spec.tns,
    btn: first,
    partialPort: false,
    subscriber: { type: "BUSINESS", businessName: spec.businessName },
    accountNumber: spec.accountNumber ?? "ACCT-4200",
    serviceAddress: { houseNumber: "100", street: "Main St", city: "Boston", state: "MA", zip: "02110" },
    loaAuthorizingPerson: "Dana Reyes",
    requestedFoc: easternToInstant(spec.focDate, spec.focTime ?? "10:00") ?? "",
    onDemandActivation: false,
    customerOrderRef: spec.reference,
  } as OrderDraft;
}

/**
 * Fills the demo account with port-in orders in every status, by running them through the real loop: submitted
 * through the services, dispatched by the worker, answered by the carrier simulator, moved along by the
 * sandbox clock. Runs once (skipped when the demo orders exist). Returns the number of orders produced.
 */
export async function produceDemoOrders(driver: DemoDriver): Promise<number> {
  const { db, clock } = driver;
  const accountId = await findAccountIdBySlug(db, demoAccountSlug);
  if (!accountId || (await hasOrderWithReferencePrefix(db, accountId, referencePrefix))) {
    return 0;
  }
  const submitter = { accountId, userId: demoUserId };
  const who = { actor: { kind: "USER" as const, id: demoUserId }, accountId };

  let produced = 0;
  const submit = async (spec: DemoOrderSpec): Promise<string[]> => {
    await clock.refresh();
    const data = submission(spec);
    const draft = await saveDraft(db, clock, submitter, { data });
    await uploadDraftDocument(db, clock, submitter, {
      draftId: draft.id,
      kind: "LOA",
      fileName: `${spec.reference.toLowerCase()}-loa.pdf`,
      contentBase64: loaPdf,
      signedAt: new Date(clock.now().getTime() - 2 * hour).toISOString(),
    });
    const result = await submitPortRequest(db, clock, submitter, { draftId: draft.id, submission: data });
    produced += result.orders.length;
    return result.orders.map((order) => order.id);
  };
  const progress = async (ids: readonly string[]) => findOrderProgress(db, ids);
  const waitUntil = async (
    ids: readonly string[],
    done: (row: { status: string; partnerOrderId: string | null }) => boolean,
    what: string,
  ) => {
    const deadline = Date.now() + 90_000;
    for (;;) {
      const rows = await progress(ids);
      if (rows.length === ids.length && rows.every(done)) {
        return;
      }
      if (Date.now() > deadline) {
        const stuck = rows.filter((row) => !done(row)).map((row) => `${row.id} ${row.status}`);
        throw new Error(`demo orders did not reach ${what} in time: ${stuck.join(", ")}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const dispatched = (ids: readonly string[]) => waitUntil(ids, (row) => row.partnerOrderId !== null, "the partner");
  const suppsSent = async (ids: readonly string[]) => {
    const deadline = Date.now() + 90_000;
    while ((await countUnsentSupps(db, ids)) > 0) {
      if (Date.now() > deadline) {
        throw new Error("demo SUPPs did not reach the partner in time");
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const reach = (ids: readonly string[], status: string) => waitUntil(ids, (row) => row.status === status, status);
  const version = async (id: string) => (await progress([id]))[0]?.version ?? 1;
  // The dates every demo order accepts: its losing carrier's calendar and minimum interval, built by the services.
  const focDates = async () =>
    (
      await getSubmissionFocOptions(db, clock.now(), {
        orders: [
          { carrierSpid: demoCarriers.offNet, portType: "AUTOMATED" },
          { carrierSpid: demoCarriers.onNet, portType: "ON_NET" },
        ],
      })
    ).dates;

  await clock.refresh();
  const dates = await focDates();
  const date = (index: number) => dates[Math.min(index, dates.length - 1)] ?? "";
  const business = ["Harbor Dental", "Northwind Logistics", "Bayside Realty", "Copper Kettle Cafe", "Lumen Law"];

  // Submitted together; the first FOC date is when the completed ones go live.
  const [completeOffNet = ""] = await submit({
    reference: "DEMO-COMPLETE-OFFNET",
    tns: [offNet(1), offNet(2), offNet(3)],
    focDate: date(0),
    businessName: business[0] ?? "",
  });
  const [completeOnNet = ""] = await submit({
    reference: "DEMO-COMPLETE-ONNET",
    tns: [onNet(1), onNet(2)],
    focDate: date(0),
    businessName: business[1] ?? "",
  });
  const [shortNotice = ""] = await submit({
    reference: "DEMO-SHORT-NOTICE-CANCEL",
    tns: [offNet(10)],
    focDate: date(1),
    businessName: business[2] ?? "",
  });
  const [focOrder = ""] = await submit({
    reference: "DEMO-FOC",
    tns: [offNet(20), offNet(21)],
    focDate: date(6),
    businessName: business[3] ?? "",
  });
  const [reschedule = ""] = await submit({
    reference: "DEMO-RESCHEDULE",
    tns: [offNet(30)],
    focDate: date(4),
    businessName: business[4] ?? "",
  });
  const [cancelled = ""] = await submit({
    reference: "DEMO-CANCELLED",
    tns: [offNet(40)],
    focDate: date(5),
    businessName: business[0] ?? "",
  });
  const [rejected = ""] = await submit({
    reference: "DEMO-REJECTED",
    tns: [offNet(50)],
    focDate: date(5),
    accountNumber: "ACCT-9912",
    businessName: business[1] ?? "",
  });
  // More than 600 off-net numbers: a project port for the porting team, never sent automatically.
  await submit({
    reference: "DEMO-PROJECT",
    tns: Array.from({ length: 601 }, (_, i) => `+1617253${String(8000 + i).padStart(4, "0")}`),
    focDate: date(8),
    focTime: "11:30",
    businessName: "Atlas Contact Centers",
  });
  await saveDraft(db, clock, submitter, {
    data: { tns: [offNet(90), offNet(91)], customerOrderRef: "DEMO-DRAFT", loaAuthorizingPerson: "Dana Reyes" },
  });

  const automatic = [completeOffNet, completeOnNet, shortNotice, focOrder, reschedule, cancelled, rejected];
  await dispatched(automatic);
  driver.log("Demo orders reached the simulator; moving the sandbox clock through CSR, review and FOC…");
  await driver.moveClockTo(new Date(clock.now().getTime() + 5 * hour));
  await reach([completeOffNet, completeOnNet, shortNotice, focOrder, reschedule, cancelled], "FOC");
  await reach([rejected], "EXCEPTION");

  await clock.refresh();
  await cancelOrder(db, clock, who, {
    orderId: cancelled,
    baseVersion: await version(cancelled),
    reason: "Customer changed plans",
  });

  await suppsSent([cancelled]);
  // The FOC of the first two: the worker's activation scan sends the activation, the partner activates.
  await driver.moveClockTo(new Date(easternToInstant(date(0), "10:00") ?? ""));
  await reach([completeOffNet, completeOnNet], "COMPLETE");
  await reach([cancelled], "CANCELLED");
  await clock.refresh();
  // Within one business day of its FOC: the cancel becomes a manual request for the porting team.
  await cancelOrder(db, clock, who, {
    orderId: shortNotice,
    baseVersion: await version(shortNotice),
    reason: "Site closed",
  });

  // Orders caught mid-way: pending FOC (CSR in, LSP review under way), a SUPP in flight, and in CSR review.
  const later = await focDates();
  const laterDate = (index: number) => later[Math.min(index, later.length - 1)] ?? "";
  const [pendingFoc = ""] = await submit({
    reference: "DEMO-PENDING-FOC",
    tns: [offNet(60)],
    focDate: laterDate(4),
    businessName: business[2] ?? "",
  });
  await clock.refresh();
  await rescheduleOrder(db, clock, who, {
    orderId: reschedule,
    baseVersion: await version(reschedule),
    date: laterDate(7),
    time: "11:00",
  });
  await dispatched([pendingFoc]);
  await suppsSent([reschedule]);
  await driver.moveClockTo(new Date(clock.now().getTime() + 10 * minute));
  await reach([pendingFoc], "PENDING_FOC");
  await reach([reschedule], "SUPP_PENDING");

  const [csrReview = ""] = await submit({
    reference: "DEMO-CSR-REVIEW",
    tns: [offNet(70)],
    focDate: laterDate(5),
    businessName: business[3] ?? "",
  });
  await dispatched([csrReview]);
  await reach([csrReview], "CSR_REVIEW");
  return produced;
}
