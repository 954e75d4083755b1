import { type DbOrTx, findDraft } from "@portway/db";
import { easternDate, formatTn, type OrderDraft } from "@portway/domain";
import { notFound } from "../errors";

/** Text of a PDF string literal: printable ASCII only, with the three special characters escaped. */
function pdfText(value: string): string {
  return value
    .normalize("NFKD")
    .replace(/[^\x20-\x7e]/g, "")
    .replace(/[\\()]/g, (c) => `\\${c}`);
}

/** A one-page PDF of text lines (Helvetica, 10 pt), built by hand: objects, cross-reference table, trailer. */
export function buildTextPdf(lines: readonly { text: string; size?: number; gap?: number }[]): Buffer {
  let y = 760;
  const content = lines
    .map((line) => {
      y -= line.gap ?? 16;
      return `BT /F1 ${line.size ?? 10} Tf 56 ${y} Td (${pdfText(line.text)}) Tj ET`;
    })
    .join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`,
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(Buffer.byteLength(pdf, "latin1"));
    pdf += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, "latin1");
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  pdf += offsets.map((offset) => `${String(offset).padStart(10, "0")} 00000 n \n`).join("");
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, "latin1");
}

function subscriberName(data: OrderDraft): string {
  const s = data.subscriber;
  return s?.type === "RESIDENTIAL" ? [s.firstName, s.lastName].filter(Boolean).join(" ") : (s?.businessName ?? "");
}

/**
 * A filled-in letter of authorization for the end user to sign (SPEC 10), from a draft of the customer's account.
 * The signed copy is uploaded back to the draft as its LOA.
 */
export async function generateDraftLoa(db: DbOrTx, where: { accountId: string; draftId: string; now: Date }) {
  const row = await findDraft(db, { draftId: where.draftId, accountId: where.accountId });
  if (!row) {
    throw notFound("The draft");
  }
  const data = row.data as OrderDraft;
  const address = data.serviceAddress ?? {};
  const tns = data.tns ?? [];
  const shown = tns.slice(0, 24).map((tn) => formatTn(tn, "NATIONAL"));
  const blank = "____________________";
  const lines = [
    { text: "LETTER OF AUTHORIZATION (LOA) - LOCAL NUMBER PORTABILITY", size: 14, gap: 0 },
    { text: `Prepared ${easternDate(where.now.toISOString()) ?? ""} (US Eastern)`, gap: 22 },
    {
      text: "I authorize Portway and its porting partner to act as my agent to port the telephone numbers below",
      gap: 24,
    },
    { text: "from my current carrier, and to obtain my customer service record for this purpose." },
    { text: `End user (as billed by the current carrier): ${subscriberName(data) || blank}`, gap: 26 },
    {
      text: `Service address: ${[address.houseNumber, address.street, address.unit].filter(Boolean).join(" ") || blank}`,
    },
    { text: `                 ${[address.city, address.state, address.zip].filter(Boolean).join(", ") || blank}` },
    { text: `Billing telephone number (BTN): ${data.btn ? formatTn(data.btn, "NATIONAL") : blank}` },
    { text: `Account number at the current carrier: ${data.accountNumber || blank}` },
    { text: `Port: ${data.partialPort ? "partial (other numbers stay on the account)" : "full account"}` },
    { text: `Telephone numbers (${tns.length}):`, gap: 22 },
    ...Array.from({ length: Math.ceil(shown.length / 4) }, (_, i) => ({
      text: `    ${shown.slice(i * 4, i * 4 + 4).join("     ")}`,
      gap: 14,
    })),
    ...(tns.length > shown.length ? [{ text: `    ... and ${tns.length - shown.length} more (list attached)` }] : []),
    { text: `Authorized person: ${data.loaAuthorizingPerson || blank}`, gap: 30 },
    { text: `Signature: ${blank}${blank}          Date: ${blank}`, gap: 30 },
    { text: "Sign and date within 30 days of submitting the order; upload the signed copy as the LOA.", gap: 30 },
  ];
  const pdf = buildTextPdf(lines);
  const reference = (data.customerOrderRef ?? "draft").replace(/[^A-Za-z0-9_-]+/g, "-");
  return { fileName: `LOA-${reference}.pdf`, mediaType: "application/pdf", contentBase64: pdf.toString("base64") };
}
