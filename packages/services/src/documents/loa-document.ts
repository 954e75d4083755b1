import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, type PDFFont, type PDFPage, rgb } from "pdf-lib";
import { loaFonts } from "./loa-fonts";

/** What a letter of authorization says, taken from the order (or draft) it authorizes. */
export interface LoaContent {
  /** The order's customer reference (or the draft's), printed on every page. */
  reference: string;
  /** The end user as billed by the losing carrier: business name, or first and last name. */
  endUser: string;
  serviceAddress: { line1: string; line2: string };
  /** Formatted for people, or null when the order has none yet. */
  btn: string | null;
  accountNumber: string | null;
  partialPort: boolean;
  /** Every TN, formatted for people. */
  tns: readonly string[];
  /** The losing carriers of the TNs (one for an order; a draft may span several before it is split). */
  losingCarriers: readonly string[];
  authorizingPerson: string;
  /** The authorizing person's title, when known (the signer gives it on signing). */
  authorizingTitle: string | null;
  /** ET calendar date the letter was prepared. */
  preparedOn: string;
}

export const LOA_PAGE = { width: 612, height: 792, margin: 56 } as const;
/** Where page 1's signature block sits, so that signing can stamp it without re-laying the letter out. */
export const LOA_SIGNATURE_BLOCK = { x: 56, y: 72, width: 500, height: 150 } as const;

const TNS_ON_FIRST_PAGE = 48;
const TN_COLUMNS = 4;
const TN_ROW_HEIGHT = 13;
const TN_COLUMN_WIDTH = 125;
const BLANK = "________________________";

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Lines wrapped to a width in the font, by words (a word longer than the line is cut). */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(candidate, size) <= width) {
      line = candidate;
      continue;
    }
    if (line) {
      lines.push(line);
    }
    let rest = word;
    while (font.widthOfTextAtSize(rest, size) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) {
        cut -= 1;
      }
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  if (line) {
    lines.push(line);
  }
  return lines.length > 0 ? lines : [""];
}

class Writer {
  y: number;
  constructor(
    readonly page: PDFPage,
    readonly fonts: Fonts,
  ) {
    this.y = LOA_PAGE.height - LOA_PAGE.margin;
  }

  text(text: string, options: { size?: number; bold?: boolean; gap?: number; x?: number } = {}) {
    const size = options.size ?? 10;
    const font = options.bold ? this.fonts.bold : this.fonts.regular;
    const x = options.x ?? LOA_PAGE.margin;
    this.y -= options.gap ?? 0;
    for (const line of wrap(text, font, size, LOA_PAGE.width - LOA_PAGE.margin - x)) {
      this.y -= size * 1.35;
      this.page.drawText(line, { x, y: this.y, size, font });
    }
  }

  field(label: string, value: string) {
    const size = 10;
    const labelWidth = 190;
    this.y -= 4;
    const lines = wrap(value, this.fonts.regular, size, LOA_PAGE.width - 2 * LOA_PAGE.margin - labelWidth);
    this.y -= size * 1.35;
    this.page.drawText(label, { x: LOA_PAGE.margin, y: this.y, size, font: this.fonts.bold });
    lines.forEach((line, index) => {
      if (index > 0) {
        this.y -= size * 1.35;
      }
      this.page.drawText(line, { x: LOA_PAGE.margin + labelWidth, y: this.y, size, font: this.fonts.regular });
    });
  }

  tnColumns(tns: readonly string[]) {
    const rows = Math.ceil(tns.length / TN_COLUMNS);
    for (let row = 0; row < rows; row++) {
      this.y -= TN_ROW_HEIGHT;
      for (let column = 0; column < TN_COLUMNS; column++) {
        const tn = tns[row * TN_COLUMNS + column];
        if (tn) {
          this.page.drawText(tn, {
            x: LOA_PAGE.margin + 12 + column * TN_COLUMN_WIDTH,
            y: this.y,
            size: 9,
            font: this.fonts.regular,
          });
        }
      }
    }
  }
}

function footer(page: PDFPage, fonts: Fonts, content: LoaContent, index: number, count: number) {
  const text = `LOA ${content.reference} · page ${index} of ${count}`;
  page.drawText(text, { x: LOA_PAGE.margin, y: 32, size: 8, font: fonts.regular, color: rgb(0.35, 0.35, 0.35) });
}

function signatureBlock(page: PDFPage, fonts: Fonts, content: LoaContent) {
  const { x, y, width, height } = LOA_SIGNATURE_BLOCK;
  page.drawRectangle({ x, y, width, height, borderColor: rgb(0.5, 0.5, 0.5), borderWidth: 0.75 });
  const line = (label: string, value: string, dy: number) => {
    page.drawText(label, { x: x + 10, y: y + height - dy, size: 10, font: fonts.bold });
    page.drawText(value, { x: x + 150, y: y + height - dy, size: 10, font: fonts.regular });
  };
  line("Authorized signature:", BLANK, 28);
  line("Printed name:", content.authorizingPerson || BLANK, 60);
  line("Title:", content.authorizingTitle || BLANK, 88);
  line("Date signed:", BLANK, 116);
  page.drawText("Sign and date within 30 days of submitting the order.", {
    x: x + 10,
    y: y + 10,
    size: 8,
    font: fonts.regular,
    color: rgb(0.35, 0.35, 0.35),
  });
}

/** Pages of TNs after the first: how many TNs fit on one continuation page. */
function tnsPerContinuationPage(): number {
  const usable = LOA_PAGE.height - 2 * LOA_PAGE.margin - 60;
  return Math.floor(usable / TN_ROW_HEIGHT) * TN_COLUMNS;
}

/**
 * A letter of authorization as carriers expect it (SPEC 10): the end user, service address, BTN, account number,
 * losing carrier, every TN (continuation pages for long lists), the authorizing person and title, the date and a
 * signature block. Text in an embedded Unicode font, so every character of a name is printed as typed.
 */
export async function renderLoaPdf(content: LoaContent): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fontBytes = await loaFonts();
  const fonts: Fonts = {
    regular: await pdf.embedFont(fontBytes.regular, { subset: true }),
    bold: await pdf.embedFont(fontBytes.bold, { subset: true }),
  };
  pdf.setTitle(`Letter of authorization ${content.reference}`);
  pdf.setSubject(`Local number portability: ${content.endUser}`);
  pdf.setProducer("Portway");
  pdf.setCreator("Portway");

  const firstTns = content.tns.slice(0, TNS_ON_FIRST_PAGE);
  const restTns = content.tns.slice(TNS_ON_FIRST_PAGE);
  const perPage = tnsPerContinuationPage();
  const pageCount = 1 + Math.ceil(restTns.length / perPage);

  const first = new Writer(pdf.addPage([LOA_PAGE.width, LOA_PAGE.height]), fonts);
  first.text("Letter of Authorization (LOA) — Local Number Portability", { size: 15, bold: true });
  first.text(`Prepared ${content.preparedOn} (US Eastern) · reference ${content.reference}`, { size: 9, gap: 4 });
  first.text(
    "I, the undersigned, am authorized to act for the end user below and authorize Portway and its porting partner " +
      "to act as our agent to port the telephone numbers listed in this letter from the losing carrier named below, " +
      "and to obtain our customer service record for this purpose.",
    { gap: 12 },
  );
  first.y -= 6;
  first.field("End user (as billed):", content.endUser || BLANK);
  first.field("Service address:", content.serviceAddress.line1 || BLANK);
  first.field("", content.serviceAddress.line2 || BLANK);
  first.field("Billing telephone number:", content.btn ?? BLANK);
  first.field("Account number:", content.accountNumber || BLANK);
  first.field("Losing carrier:", content.losingCarriers.join(", ") || BLANK);
  first.field("Port:", content.partialPort ? "Partial (other numbers stay on the account)" : "Full account");
  first.field("Authorizing person:", content.authorizingPerson || BLANK);
  first.field("Title:", content.authorizingTitle || BLANK);
  first.text(
    `Telephone numbers (${content.tns.length})${restTns.length > 0 ? `: the first ${firstTns.length}, the rest on the continuation pages` : ""}`,
    { bold: true, gap: 12 },
  );
  first.tnColumns(firstTns);
  signatureBlock(first.page, fonts, content);
  footer(first.page, fonts, content, 1, pageCount);

  for (let index = 0; index < pageCount - 1; index++) {
    const slice = restTns.slice(index * perPage, (index + 1) * perPage);
    const page = new Writer(pdf.addPage([LOA_PAGE.width, LOA_PAGE.height]), fonts);
    page.text(`Telephone numbers (continued) — ${content.endUser}`, { size: 12, bold: true });
    const from = TNS_ON_FIRST_PAGE + index * perPage + 1;
    page.text(`Numbers ${from} to ${from + slice.length - 1} of ${content.tns.length}`, { size: 9, gap: 2 });
    page.y -= 8;
    page.tnColumns(slice);
    footer(page.page, fonts, content, index + 2, pageCount);
  }
  return pdf.save({ useObjectStreams: false });
}
