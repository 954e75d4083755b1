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

const MAX_TEXT_CHECK = 64 * 1024;

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return signature.every((value, index) => bytes[index] === value);
}

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

/** Office Open XML files are ZIPs; the part names inside say whether it is a document or a workbook. */
function sniffOfficeZip(bytes: Uint8Array): DocumentMediaType | null {
  const text = new TextDecoder("latin1").decode(bytes.subarray(0, Math.min(bytes.length, 512 * 1024)));
  if (!text.includes("[Content_Types].xml")) {
    return null;
  }
  if (text.includes("word/")) {
    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  }
  if (text.includes("xl/")) {
    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
  }
  return null;
}

/** The media type of a file from its content, or null when it is none of the accepted types. */
export function sniffDocument(bytes: Uint8Array, fileName: string): DocumentMediaType | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) {
    return "application/pdf";
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return "image/png";
  }
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) {
    return "image/jpeg";
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return "image/tiff";
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    return sniffOfficeZip(bytes);
  }
  if (isUtf8Text(bytes)) {
    return fileName.toLowerCase().endsWith(".csv") ? "text/csv" : "text/plain";
  }
  return null;
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
