import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  contentDisposition,
  documentResponse,
  readDocument,
  sanitizeFileName,
  saveDraft,
  seedDemoData,
  uploadDraftDocument,
} from "../src/index";
import { demoCustomer, minimalPdf, mondayMorning } from "./order-fixtures";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
let blue: Awaited<ReturnType<typeof demoCustomer>>;
let pdfId = "";
let textId = "";
const clock = fixedClock(mondayMorning);

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  acme = await demoCustomer(handle.db, "acme-voice");
  blue = await demoCustomer(handle.db, "blue-harbor");
  const draft = await saveDraft(handle.db, clock, acme, { data: { customerOrderRef: "DOC-OPEN-1" } });
  pdfId = (
    await uploadDraftDocument(handle.db, clock, acme, {
      draftId: draft.id,
      kind: "LOA",
      fileName: "../../etc/LOA Zoë \u202egnp.pdf",
      contentBase64: minimalPdf,
    })
  ).id;
  textId = (
    await uploadDraftDocument(handle.db, clock, acme, {
      draftId: draft.id,
      kind: "OTHER",
      fileName: "notes.txt",
      contentBase64: Buffer.from("Called the carrier at 3 pm: x < y, a & b.").toString("base64"),
    })
  ).id;
});
afterAll(async () => {
  await handle.close();
});

describe("file names", () => {
  it.each([
    ["../../etc/passwd", "_.._etc_passwd"],
    ["C:\\Users\\scan.pdf", "C__Users_scan.pdf"],
    ["bill\u202efdp.exe", "billfdp.exe"],
    ["line\nbreak\u0000.pdf", "linebreak.pdf"],
    ["  .hidden.pdf  ", "hidden.pdf"],
    ["Zoe\u0308 Müller-Łukasik.pdf", "Zoë Müller-Łukasik.pdf"],
    ["\u200f\u2066", "document"],
  ])("stores %j as %j", (name, stored) => {
    expect(sanitizeFileName(name)).toBe(stored);
  });

  it("keeps the extension of a long name", () => {
    const stored = sanitizeFileName(`${"a".repeat(300)}.pdf`);
    expect(stored).toHaveLength(200);
    expect(stored.endsWith(".pdf")).toBe(true);
  });

  it("sends an ASCII fallback and the exact name as filename* (RFC 6266)", () => {
    expect(contentDisposition('LOA "Zoë" 100%.pdf')).toBe(
      `attachment; filename="LOA _Zoe_ 100_.pdf"; filename*=UTF-8''LOA%20_Zo%C3%AB_%20100%25.pdf`,
    );
  });
});

describe("opening a document", () => {
  it("stores the uploaded name sanitised", async () => {
    expect((await readDocument(handle.db, {}, pdfId)).fileName).toBe("_.._etc_LOA Zoë gnp.pdf");
    const response = await documentResponse(handle.db, { accountId: acme.accountId }, pdfId);
    expect(response.headers.get("content-disposition")).toBe(
      `attachment; filename="_.._etc_LOA Zoe gnp.pdf"; filename*=UTF-8''_.._etc_LOA%20Zo%C3%AB%20gnp.pdf`,
    );
  });

  it("serves the account's own document with its stored type, nosniff and a sandbox CSP", async () => {
    const response = await documentResponse(handle.db, { accountId: acme.accountId }, pdfId);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("content-security-policy")).toMatch(/^sandbox;/);
    expect(Buffer.from(await response.arrayBuffer())).toEqual(Buffer.from(minimalPdf, "base64"));
  });

  it("answers another account's document, an unknown id and a malformed id with 404", async () => {
    for (const id of [pdfId, "00000000-0000-4000-8000-000000000000", "not-a-uuid"]) {
      const response = await documentResponse(handle.db, { accountId: blue.accountId }, id);
      expect(response.status).toBe(404);
      expect(await response.json()).toEqual({
        issues: [{ field: "documentId", code: "NOT_FOUND", message: expect.any(String) }],
      });
    }
  });

  it("lets staff (no account) open any account's document", async () => {
    const response = await documentResponse(handle.db, {}, pdfId);
    expect(response.status).toBe(200);
  });

  it("previews PDFs inline but never a text file, which stays a download", async () => {
    const pdf = await documentResponse(handle.db, {}, pdfId, { inline: true });
    expect(pdf.headers.get("content-disposition")).toMatch(/^inline; /);
    const text = await documentResponse(handle.db, { accountId: acme.accountId }, textId, { inline: true });
    expect(text.headers.get("content-disposition")).toMatch(/^attachment; filename="notes.txt"/);
    expect(text.headers.get("content-type")).toBe("text/plain");
  });
});
