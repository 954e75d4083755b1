import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { LOA_PAGE, LOA_SIGNATURE_BLOCK } from "./loa-document";
import { loaFonts } from "./loa-fonts";

export type SignatureMark = { kind: "TYPED"; text: string } | { kind: "DRAWN"; png: Uint8Array };

export interface SignatureFacts {
  requestId: string;
  signedName: string;
  signerEmail: string;
  signerTitle: string | null;
  signature: SignatureMark;
  signedAt: Date;
  ip: string;
  userAgent: string;
  /** SHA-256 (hex) of the unsigned LOA the signer was shown. */
  unsignedSha256: string;
}

const eastern = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "long",
  timeZone: "America/New_York",
});

export function signatureTimes(at: Date): { utc: string; eastern: string } {
  return { utc: `${at.toISOString().replace("T", " ").slice(0, 19)} UTC`, eastern: eastern.format(at) };
}

function wrapChars(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const char of text) {
    if (font.widthOfTextAtSize(line + char, size) > width && line) {
      lines.push(line);
      line = "";
    }
    line += char;
  }
  lines.push(line);
  return lines;
}

/** Covers a blank of the signature block and writes the value in its place. */
function fill(page: PDFPage, font: PDFFont, dy: number, value: string, size = 10) {
  const { x, y, height } = LOA_SIGNATURE_BLOCK;
  page.drawRectangle({ x: x + 148, y: y + height - dy - 4, width: 340, height: 16, color: rgb(1, 1, 1) });
  page.drawText(value, { x: x + 150, y: y + height - dy, size, font });
}

/**
 * The signed LOA: the unsigned letter with the signature, the signer's printed name, title and the date stamped
 * into its signature block, and an audit page (signer, time in UTC and ET, IP address, user agent and the SHA-256 of
 * the unsigned document) appended.
 */
export async function stampSignedLoa(unsigned: Uint8Array, facts: SignatureFacts): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(unsigned);
  pdf.registerFontkit(fontkit);
  const fontBytes = await loaFonts();
  const regular = await pdf.embedFont(fontBytes.regular, { subset: true });
  const bold = await pdf.embedFont(fontBytes.bold, { subset: true });
  const script = await pdf.embedFont(fontBytes.signature, { subset: true });
  const first = pdf.getPage(0);
  const times = signatureTimes(facts.signedAt);
  const { x, y, height } = LOA_SIGNATURE_BLOCK;

  if (facts.signature.kind === "DRAWN") {
    const image = await pdf.embedPng(facts.signature.png);
    const scaled = image.scaleToFit(330, 26);
    first.drawRectangle({ x: x + 148, y: y + height - 34, width: 340, height: 28, color: rgb(1, 1, 1) });
    first.drawImage(image, { x: x + 150, y: y + height - 32, width: scaled.width, height: scaled.height });
  } else {
    fill(first, script, 28, facts.signature.text, 16);
  }
  fill(first, regular, 60, facts.signedName);
  fill(first, regular, 88, facts.signerTitle ?? "");
  fill(first, regular, 116, `${times.eastern} (${times.utc})`, 9);
  first.drawText(`Signed electronically through Portway · audit page ${pdf.getPageCount() + 1}`, {
    x: x + 250,
    y: y + 10,
    size: 8,
    font: regular,
    color: rgb(0.1, 0.3, 0.6),
  });

  const audit = pdf.addPage([LOA_PAGE.width, LOA_PAGE.height]);
  let cursor = LOA_PAGE.height - LOA_PAGE.margin;
  const write = (label: string, value: string) => {
    cursor -= 18;
    audit.drawText(label, { x: LOA_PAGE.margin, y: cursor, size: 10, font: bold });
    const lines = wrapChars(value, regular, 10, LOA_PAGE.width - 2 * LOA_PAGE.margin - 170);
    lines.forEach((line, index) => {
      if (index > 0) {
        cursor -= 13;
      }
      audit.drawText(line, { x: LOA_PAGE.margin + 170, y: cursor, size: 10, font: regular });
    });
  };
  cursor -= 16;
  audit.drawText("Signature audit", { x: LOA_PAGE.margin, y: cursor, size: 15, font: bold });
  cursor -= 8;
  write("Signing request:", facts.requestId);
  write("Signed by:", facts.signedName);
  write("Title:", facts.signerTitle ?? "—");
  write("Link sent to:", facts.signerEmail);
  write("Signature:", facts.signature.kind === "DRAWN" ? "drawn by hand on screen" : "typed");
  write("Signed at (UTC):", times.utc);
  write("Signed at (US Eastern):", times.eastern);
  write("IP address:", facts.ip);
  write("User agent:", facts.userAgent || "—");
  cursor -= 18;
  audit.drawText("SHA-256 of the unsigned document:", { x: LOA_PAGE.margin, y: cursor, size: 10, font: bold });
  cursor -= 15;
  // On one line of its own, so that it can be read (and copied) whole.
  audit.drawText(facts.unsignedSha256, { x: LOA_PAGE.margin, y: cursor, size: 9, font: regular });
  cursor -= 24;
  for (const line of wrapChars(
    "The SHA-256 above is the hash of the letter of authorization exactly as it was shown to the signer, before the " +
      "signature was stamped. Recompute it over the unsigned copy to check that the letter was not changed.",
    regular,
    9,
    LOA_PAGE.width - 2 * LOA_PAGE.margin,
  )) {
    cursor -= 12;
    audit.drawText(line, { x: LOA_PAGE.margin, y: cursor, size: 9, font: regular, color: rgb(0.3, 0.3, 0.3) });
  }
  return pdf.save({ useObjectStreams: false });
}
