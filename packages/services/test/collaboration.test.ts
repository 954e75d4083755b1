import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  addCustomerNote,
  addStaffNote,
  applyOrderEventAs,
  checkDocumentFile,
  getOrderDetail,
  openTicket,
  replyToTicket,
  seedDemoData,
  seedNumberingData,
  sniffDocument,
  submitPortRequest,
  uploadOrderDocument,
} from "../src/index";
import { realDocx, realJpeg, realPdf, realPng, realTiff, realXlsx } from "./document-files";
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
let orderId = "";
const clock = fixedClock(mondayMorning);
const staff = { userId: "demo-analyst-portway", name: "Ana Analyst" };

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
  const data = submissionData(tnRange("617253", 6000, 1), "COLLAB-1");
  const draft = await draftWithLoa(handle.db, acme, data);
  orderId =
    (await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data })).orders[0]?.id ?? "";
});
afterAll(async () => {
  await handle.close();
});

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64");

describe("document checks", () => {
  it.each([
    ["a.pdf", "application/pdf", realPdf],
    ["a.png", "image/png", realPng],
    ["a.jpg", "image/jpeg", realJpeg],
    ["a.tif", "image/tiff", realTiff],
    ["a.csv", "text/csv", "tn,btn\n3125550123,3125550123\n"],
    ["a.txt", "text/plain", "Hello"],
    ["a.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", realDocx],
    ["a.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", realXlsx],
  ] as const)("recognises %s as %s by content", async (name, type, content) => {
    expect(await sniffDocument(Buffer.from(content), name)).toBe(type);
  });

  it("refuses a file over 3 MB, a mislabelled one and an unknown type, naming the file", async () => {
    const big = await failure(() =>
      checkDocumentFile("big.pdf", b64(Buffer.concat([Buffer.from("%PDF-"), Buffer.alloc(4 * 1024 * 1024)]))),
    );
    expect(big.code).toBe("FILE_TOO_LARGE");
    expect(big.message).toContain("big.pdf is 4.0 MB");
    const mislabelled = await failure(() => checkDocumentFile("scan.pdf", b64(Buffer.from([0xff, 0xd8, 0xff, 0xe0]))));
    expect(mislabelled.code).toBe("TYPE_MISMATCH");
    expect(mislabelled.message).toContain("image/jpeg");
    const binary = await failure(() => checkDocumentFile("x.exe", b64(Buffer.from([0x4d, 0x5a, 0x00, 0x01]))));
    expect(binary.code).toBe("UNSUPPORTED_TYPE");
  });

  it("stores a document on an open order, and keeps documents of a terminal order read-only", async () => {
    const doc = await uploadOrderDocument(handle.db, clock, acme, {
      orderId,
      kind: "BILL_COPY",
      fileName: "bill.pdf",
      contentBase64: minimalPdf,
    });
    expect(doc.id).toBeTruthy();
    const data = submissionData(tnRange("617253", 6100, 1), "COLLAB-TERMINAL");
    const draft = await draftWithLoa(handle.db, acme, data);
    const done =
      (await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data })).orders[0]?.id ?? "";
    const who = { actor: { kind: "USER" as const, id: acme.userId }, accountId: acme.accountId };
    await applyOrderEventAs(handle.db, clock, who, done, { type: "CANCEL" });
    await applyOrderEventAs(handle.db, clock, { actor: { kind: "PARTNER" } }, done, { type: "SUPP_ACCEPTED" });
    const error = await failure(
      uploadOrderDocument(handle.db, clock, acme, {
        orderId: done,
        kind: "OTHER",
        fileName: "late.pdf",
        contentBase64: minimalPdf,
      }),
    );
    expect(error.code).toBe("READ_ONLY");
  });
});

describe("notes and tickets", () => {
  it("shows customers their notes but never internal ones", async () => {
    await addCustomerNote(
      handle.db,
      clock,
      { accountId: acme.accountId, userId: acme.userId, name: acme.name },
      { orderId, body: "Please port before Friday." },
    );
    await addStaffNote(handle.db, clock, staff, { orderId, body: "LSP is slow this week.", internal: true });
    await addStaffNote(handle.db, clock, staff, { orderId, body: "We are on it.", internal: false });
    const customerView = await getOrderDetail(
      handle.db,
      { orderId, accountId: acme.accountId },
      { staff: false, now: mondayMorning },
    );
    expect(customerView.notes.map((n) => n.body).sort()).toEqual(["Please port before Friday.", "We are on it."]);
    const staffView = await getOrderDetail(handle.db, { orderId }, { staff: true, now: mondayMorning });
    expect(staffView.notes.map((n) => n.visibility)).toContain("INTERNAL");
  });

  it("threads a ticket between the customer and the porting team", async () => {
    const ticket = await openTicket(
      handle.db,
      clock,
      { accountId: acme.accountId, userId: acme.userId, name: acme.name },
      {
        orderId,
        subject: "Can we move the date?",
        body: "Our office opens late on Thursday.",
      },
    );
    const answered = await replyToTicket(
      handle.db,
      clock,
      { kind: "STAFF", ...staff },
      { ticketId: ticket.id, body: "Yes: reschedule from the order page.", close: false },
    );
    expect(answered.status).toBe("ANSWERED");
    const detail = await getOrderDetail(
      handle.db,
      { orderId, accountId: acme.accountId },
      { staff: false, now: mondayMorning },
    );
    const thread = detail.tickets.find((t) => t.id === ticket.id);
    expect(thread?.messages.map((m) => m.authorKind)).toEqual(["USER", "STAFF"]);
    expect(thread?.status).toBe("ANSWERED");
  });
});
