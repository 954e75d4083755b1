import { createDb, type DbHandle } from "@portway/db";
import { PDFDocument, PDFName, PDFString } from "pdf-lib";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../../src/clock";
import { checkDocumentFile, type ServiceError, saveDraft, seedDemoData, uploadDraftDocument } from "../../src/index";
import { realDocx, realJpeg, realPdf, realPng, realTiff, realXlsx, storedZip } from "../document-files";
import { demoCustomer, failure, mondayMorning } from "../order-fixtures";

const b64 = (bytes: Buffer | string) => Buffer.from(bytes).toString("base64");
const check = (name: string, bytes: Buffer | string) => checkDocumentFile(name, b64(bytes));

async function refusal(name: string, bytes: Buffer | string): Promise<ServiceError> {
  const error = await failure(() => check(name, bytes));
  // A specific 4xx (INVALID answers 400), on the file field, naming the file.
  expect(error.kind).toBe("INVALID");
  expect(error.issues[0]?.field).toBe("file");
  expect(error.message).toContain(name);
  return error;
}

/** A real PDF (pdf-lib, object streams) that runs a script when opened. */
async function pdfWithOpenActionScript(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  doc.addPage();
  const action = doc.context.obj({ Type: "Action", S: "JavaScript", JS: PDFString.of("app.alert('hi')") });
  doc.catalog.set(PDFName.of("OpenAction"), doc.context.register(action));
  return Buffer.from(await doc.save());
}

/** A real PDF whose page link launches a program (the action nested, not an object of its own). */
async function pdfWithLaunchLink(): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const page = doc.addPage();
  const link = doc.context.obj({
    Type: "Annot",
    Subtype: "Link",
    Rect: [0, 0, 100, 100],
    A: { S: "Launch", F: PDFString.of("calc.exe") },
  });
  page.node.set(PDFName.of("Annots"), doc.context.obj([doc.context.register(link)]));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}

describe("upload content sniffing (file-type, pdf-lib)", () => {
  it.each([
    ["loa.pdf", "application/pdf", realPdf],
    ["scan.png", "image/png", realPng],
    ["photo.jpg", "image/jpeg", realJpeg],
    ["photo.jpeg", "image/jpeg", realJpeg],
    ["fax.tif", "image/tiff", realTiff],
    ["letter.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", realDocx],
    ["numbers.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", realXlsx],
    ["numbers.csv", "text/csv", "tn,btn\n3125550123,3125550123\n"],
    ["notes.txt", "text/plain", "Called the carrier at 3 pm; a < b and x > y."],
  ] as const)("accepts %s as %s", async (name, mediaType, bytes) => {
    expect((await check(name, bytes)).mediaType).toBe(mediaType);
  });

  it("refuses a type that is not accepted, saying what the content is", async () => {
    const gif = Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.alloc(20)]);
    expect((await refusal("anim.gif", gif)).issues[0]?.code).toBe("UNSUPPORTED_TYPE");
    expect((await refusal("anim.gif", gif)).message).toContain("image/gif");
    expect((await refusal("setup.exe", Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]))).issues[0]?.code).toBe(
      "UNSUPPORTED_TYPE",
    );
    // A plain ZIP is not an office document, whatever it is named.
    expect((await refusal("letter.docx", storedZip({ "a.txt": "x" }))).issues[0]?.code).toBe("UNSUPPORTED_TYPE");
  });

  it.each([
    ["scan.jpg", "image/png", realPng],
    ["loa.pdf", "image/jpeg", realJpeg],
    ["numbers.xlsx", "wordprocessingml", realDocx],
    ["loa.pdf", "text/plain", "<html><body>Sign here</body></html>"],
    ["scan.png", "text/plain", '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
  ] as const)("refuses %s whose content is %s (the name's extension does not match)", async (name, seen, bytes) => {
    const error = await refusal(name, bytes);
    expect(error.issues[0]?.code).toBe("TYPE_MISMATCH");
    expect(error.message).toContain(seen);
  });

  const polyglots: [string, string, () => Buffer | string][] = [
    [
      "a PDF that is also an HTML page",
      "loa.pdf",
      () => Buffer.concat([realPdf, Buffer.from("<html><script>alert(1)</script>")]),
    ],
    ["a PDF with a ZIP appended", "loa.pdf", () => Buffer.concat([realPdf, storedZip({ "run.js": "alert(1)" })])],
    [
      "a PNG with a script after its end",
      "scan.png",
      () => Buffer.concat([realPng, Buffer.from("<script>alert(1)</script>")]),
    ],
    ["a JPEG that also opens as a PDF", "photo.jpg", () => Buffer.concat([realJpeg, realPdf])],
    ["a TIFF with a ZIP appended", "fax.tif", () => Buffer.concat([realTiff, storedZip({ "a.txt": "x" })])],
    ["text that is an HTML page", "notes.txt", () => "<!DOCTYPE html><p>hello</p>"],
    ["a CSV with a script", "numbers.csv", () => 'tn\n"<script src=//evil.test/x.js></script>"\n'],
    ["an SVG named as text", "drawing.txt", () => '<svg xmlns="http://www.w3.org/2000/svg"/>'],
    ["text with a javascript: link", "notes.txt", () => "see javascript:alert(1)"],
  ];
  it.each(polyglots)("refuses %s (a polyglot)", async (_what, name, make) => {
    expect((await refusal(name, make())).issues[0]?.code).toBe("POLYGLOT_FILE");
  });

  it("refuses a PDF with a script or launch action, in an object stream or nested in a page's link", async () => {
    const script = await refusal("loa.pdf", await pdfWithOpenActionScript());
    expect(script.issues[0]?.code).toBe("POLYGLOT_FILE");
    expect(script.message).toContain("script or launch actions");
    expect((await refusal("loa.pdf", await pdfWithLaunchLink())).issues[0]?.code).toBe("POLYGLOT_FILE");
    // The same documents without the actions pass.
    const plain = await PDFDocument.create();
    plain.addPage();
    expect((await check("loa.pdf", Buffer.from(await plain.save()))).mediaType).toBe("application/pdf");
  });

  it("refuses a file that only starts like a PDF (pdf-lib cannot open it)", async () => {
    for (const bytes of ["%PDF-1.4\n%%EOF\n", "%PDF-1.7\n<html>", `%PDF-1.4\n${"garbage ".repeat(50)}`]) {
      const error = await refusal("loa.pdf", bytes);
      expect(["UNREADABLE_PDF", "POLYGLOT_FILE"]).toContain(error.issues[0]?.code);
    }
    expect((await refusal("loa.pdf", "%PDF-1.4\n%%EOF\n")).issues[0]?.code).toBe("UNREADABLE_PDF");
  });
});

describe("an upload refused for its content", () => {
  let handle: DbHandle;
  beforeAll(async () => {
    handle = createDb(inject("databaseUrl"));
    await seedDemoData(handle.db, { production: false });
  });
  afterAll(async () => {
    await handle.close();
  });

  it("stores nothing and answers the file's name", async () => {
    const acme = await demoCustomer(handle.db, "acme-voice");
    const clock = fixedClock(mondayMorning);
    const draft = await saveDraft(handle.db, clock, acme, { data: { customerOrderRef: "SNIFF-POLYGLOT-1" } });
    const error = await failure(() =>
      uploadDraftDocument(handle.db, clock, acme, {
        draftId: draft.id,
        kind: "LOA",
        fileName: "signed loa.pdf",
        contentBase64: b64(Buffer.concat([realPdf, Buffer.from("<script>alert(1)</script>")])),
        signedAt: "2026-12-04T15:00:00Z",
      }),
    );
    expect(error).toMatchObject({ kind: "INVALID", code: "POLYGLOT_FILE" });
    expect(error.message).toContain("signed loa.pdf");
    const stored = await handle.pool.query("select count(*)::int as n from documents where draft_id = $1", [draft.id]);
    expect(stored.rows[0]?.n).toBe(0);
  });
});
