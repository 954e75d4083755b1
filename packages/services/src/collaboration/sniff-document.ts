import { fileTypeFromBuffer } from "file-type";
import { PDFArray, PDFDict, PDFDocument, PDFName, type PDFObject, PDFStream } from "pdf-lib";

/** Media types accepted for documents (SPEC 10), decided from the bytes, never from the name. */
export type DocumentMediaType =
  | "application/pdf"
  | "image/png"
  | "image/jpeg"
  | "image/tiff"
  | "text/plain"
  | "text/csv"
  | "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
  | "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const binaryTypes: readonly DocumentMediaType[] = [
  "application/pdf",
  "image/png",
  "image/jpeg",
  "image/tiff",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
];

const MAX_TEXT_CHECK = 64 * 1024;

function isUtf8Text(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, MAX_TEXT_CHECK);
  if (sample.includes(0)) {
    return false;
  }
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(
      sample.length < bytes.length ? sample.subarray(0, sample.length - 4) : sample,
    );
    return true;
  } catch {
    return false;
  }
}

/** What the content is, as file-type detects it (its MIME type), or "text" for UTF-8 text it has no signature for. */
export type SniffedType = { mime: string; ext: string } | { mime: "text"; ext: "txt" } | null;

export async function sniffContent(bytes: Uint8Array): Promise<SniffedType> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) {
    return { mime: detected.mime, ext: detected.ext };
  }
  return isUtf8Text(bytes) ? { mime: "text", ext: "txt" } : null;
}

/**
 * The accepted media type of a file from its content (file-type's signature detection; UTF-8 text, named .csv or
 * not, for the two text types), or null when the content is none of the accepted types.
 */
export async function sniffDocument(bytes: Uint8Array, fileName: string): Promise<DocumentMediaType | null> {
  const sniffed = await sniffContent(bytes);
  if (!sniffed) {
    return null;
  }
  if (sniffed.mime === "text") {
    return fileName.toLowerCase().endsWith(".csv") ? "text/csv" : "text/plain";
  }
  return (binaryTypes as readonly string[]).includes(sniffed.mime) ? (sniffed.mime as DocumentMediaType) : null;
}

/** What the name claims; a mismatch with the content is refused. */
export function mediaTypeOfName(fileName: string): DocumentMediaType | null {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  const byExtension: Record<string, DocumentMediaType> = {
    pdf: "application/pdf",
    png: "image/png",
    jpg: "image/jpeg",
    jpeg: "image/jpeg",
    tif: "image/tiff",
    tiff: "image/tiff",
    txt: "text/plain",
    csv: "text/csv",
    docx: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  };
  return byExtension[extension] ?? null;
}

/**
 * Markup a browser or a mail client would run or render: an HTML document or fragment, a script, an SVG, a PHP
 * opening tag, a javascript: URL. None belongs in an LOA, a bill, a CSR or a number list.
 */
const markupSignature =
  /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>]|script[\s>/]|iframe[\s>/]|svg[\s>/]|object[\s>/]|embed[\s>/]|meta\s+http-equiv)|<\?php|javascript:/i;
/** A ZIP's end-of-central-directory record: readers look for it in the last 64 KB, so a file ending in one is a ZIP too. */
const zipEndSignature = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const zipTail = 65_536 + 22;
/** PDF readers accept a header within the first 1 KB, so such a file opens as a PDF too. */
const pdfHeader = Buffer.from("%PDF-", "latin1");

export type PolyglotReason = "MARKUP" | "PDF_SCRIPT" | "ZIP" | "PDF" | "BROKEN_PDF";

/**
 * Why a file that passed the signature check is still refused, or null: content that is also another format (HTML or
 * script anywhere, a ZIP at its end, a PDF header inside an image), a PDF with script actions, a PDF that does not
 * open (pdf-lib loads it, as a reader would).
 */
export async function polyglotReason(bytes: Uint8Array, mediaType: DocumentMediaType): Promise<PolyglotReason | null> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString("latin1");
  if (markupSignature.test(text)) {
    return "MARKUP";
  }
  const zip = mediaType.startsWith("application/vnd.openxmlformats");
  if (!zip && buffer.subarray(Math.max(0, buffer.length - zipTail)).includes(zipEndSignature)) {
    return "ZIP";
  }
  if (mediaType !== "application/pdf") {
    return buffer.subarray(0, 1024).includes(pdfHeader) ? "PDF" : null;
  }
  let pdf: PDFDocument;
  try {
    pdf = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false, throwOnInvalidObject: true });
    // pdf-lib loads a header and an end marker alone; a document has a catalog and a page tree.
    pdf.getPageCount();
  } catch {
    return "BROKEN_PDF";
  }
  return hasPdfScript(pdf) ? "PDF_SCRIPT" : null;
}

const scriptKeys = [PDFName.of("JS"), PDFName.of("JavaScript")];
const scriptActions = [PDFName.of("JavaScript"), PDFName.of("Launch")];

/**
 * A PDF's own script carriers, in any of its objects (those inside object streams too, which pdf-lib has unpacked, and
 * the dictionaries nested in them): a JavaScript or launch action, or a JavaScript name tree.
 */
function hasPdfScript(pdf: PDFDocument): boolean {
  const scripted = (object: PDFObject): boolean => {
    if (object instanceof PDFStream) {
      return scripted(object.dict);
    }
    if (object instanceof PDFArray) {
      return object.asArray().some(scripted);
    }
    if (!(object instanceof PDFDict)) {
      return false;
    }
    const action = object.get(PDFName.of("S"));
    if (scriptKeys.some((key) => object.has(key)) || scriptActions.some((name) => action === name)) {
      return true;
    }
    return object.values().some(scripted);
  };
  return pdf.context.enumerateIndirectObjects().some(([, object]) => scripted(object));
}
