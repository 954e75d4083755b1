import { createHash } from "node:crypto";
import {
  type Db,
  type DbOrTx,
  deleteDocument,
  findDocument,
  findDraft,
  findOrderDocuments,
  findOrderRow,
  insertDocument,
} from "@portway/db";
import {
  base64Input,
  DOCUMENT_KINDS,
  idInput,
  isTerminalStatus,
  type OrderStatus,
  requiredText,
} from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { sanitizeFileName } from "../documents/file-name";
import { invalid, notFound, ServiceError } from "../errors";
import {
  type DocumentMediaType,
  mediaTypeOfName,
  type PolyglotReason,
  polyglotReason,
  sniffContent,
  sniffDocument,
} from "./sniff-document";

export const MAX_DOCUMENT_BYTES = 3 * 1024 * 1024;

export const documentUploadInput = z.object({
  orderId: idInput("The order id"),
  kind: z.enum(DOCUMENT_KINDS),
  fileName: requiredText(200, "The file name"),
  /** The file, base64-encoded. */
  contentBase64: base64Input(Math.ceil((MAX_DOCUMENT_BYTES * 4) / 3) + 8, "The file (at most 3 MB)"),
  /** For an LOA: when the end user signed it (ISO date or instant). */
  signedAt: z.iso.datetime({ offset: true }).optional(),
});
export type DocumentUploadInput = z.infer<typeof documentUploadInput>;

const typeNames: Record<DocumentMediaType, string> = {
  "application/pdf": "a PDF",
  "image/png": "a PNG image",
  "image/jpeg": "a JPEG image",
  "image/tiff": "a TIFF image",
  "text/plain": "text",
  "text/csv": "CSV text",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "a Word document (DOCX)",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "an Excel workbook (XLSX)",
};

const polyglotMessages: Record<PolyglotReason, (name: string, type: string) => string> = {
  MARKUP: (name, type) => `${name} is ${type} but also holds HTML or script; upload the document alone.`,
  ZIP: (name, type) => `${name} is ${type} with a ZIP archive appended; upload the document alone.`,
  PDF: (name, type) => `${name} is ${type} that also opens as a PDF; upload the document alone.`,
  PDF_SCRIPT: (name) => `${name} is a PDF with script or launch actions; save it again without them (print to PDF).`,
  BROKEN_PDF: (name) => `${name} starts like a PDF but does not open as one; save or export it again.`,
};

/**
 * Checks a file: its size, its type detected from its content (file-type) against the accepted types and against its
 * name's extension, and that it is nothing else besides (no HTML or script, no appended archive, a PDF that opens with
 * pdf-lib and runs no script). Every refusal names the file. Answers its bytes and media type.
 */
export async function checkDocumentFile(fileName: string, contentBase64: string) {
  const bytes = Buffer.from(contentBase64, "base64");
  if (bytes.length === 0) {
    throw invalid([{ field: "file", code: "EMPTY_FILE", message: `${fileName} is empty.` }]);
  }
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    const mb = (bytes.length / 1024 / 1024).toFixed(1);
    throw invalid([
      { field: "file", code: "FILE_TOO_LARGE", message: `${fileName} is ${mb} MB; documents may be at most 3 MB.` },
    ]);
  }
  const sniffed = await sniffContent(bytes);
  const detected = await sniffDocument(bytes, fileName);
  if (!detected) {
    const found = sniffed && sniffed.mime !== "text" ? ` (its content is ${sniffed.mime})` : "";
    throw invalid([
      {
        field: "file",
        code: "UNSUPPORTED_TYPE",
        message: `${fileName} is not a PDF, PNG, JPG, TIFF, TXT, CSV, DOCX or XLSX file${found}, checked by its content.`,
      },
    ]);
  }
  const claimed = mediaTypeOfName(fileName);
  const textual = (type: string | null) => type === "text/plain" || type === "text/csv";
  if (claimed !== detected && !(textual(claimed) && textual(detected))) {
    throw invalid([
      {
        field: "file",
        code: "TYPE_MISMATCH",
        message: `${fileName} is named as ${claimed ?? "an unknown type"} but its content is ${detected}.`,
      },
    ]);
  }
  const polyglot = await polyglotReason(bytes, detected);
  if (polyglot) {
    throw invalid([
      {
        field: "file",
        code: polyglot === "BROKEN_PDF" ? "UNREADABLE_PDF" : "POLYGLOT_FILE",
        message: polyglotMessages[polyglot](fileName, typeNames[detected]),
      },
    ]);
  }
  return { bytes, mediaType: detected };
}

/** A terminal order's documents are kept as they were: adding, changing or removing one is refused. */
export function refuseReadOnlyDocuments(status: string) {
  if (isTerminalStatus(status as OrderStatus)) {
    throw new ServiceError(
      "PRECONDITION",
      "READ_ONLY",
      `Documents of a ${status.toLowerCase()} order are read-only.`,
      "documents",
    );
  }
}

async function requireWritableOrder(db: DbOrTx, orderId: string, accountId: string | undefined) {
  const order = await findOrderRow(db, { orderId, ...(accountId ? { accountId } : {}) });
  if (!order) {
    throw notFound("The order");
  }
  refuseReadOnlyDocuments(order.status);
  return order;
}

/** The stored fields of a checked file, whatever it is attached to. */
async function documentFields(
  input: { kind: DocumentUploadInput["kind"]; fileName: string; contentBase64: string; signedAt?: string | undefined },
  userId: string,
  clock: Clock,
) {
  const { bytes, mediaType } = await checkDocumentFile(input.fileName, input.contentBase64);
  return {
    kind: input.kind,
    fileName: sanitizeFileName(input.fileName),
    mediaType,
    size: bytes.length,
    sha256: createHash("sha256").update(bytes).digest("hex"),
    content: bytes,
    signedAt: input.signedAt ? new Date(input.signedAt) : null,
    uploadedBy: userId,
    createdAt: clock.now(),
  };
}

export async function uploadOrderDocument(
  db: Db,
  clock: Clock,
  who: { accountId?: string; userId: string },
  input: DocumentUploadInput,
) {
  // Another account's or an unknown order is not found before its file is looked at.
  await requireWritableOrder(db, input.orderId, who.accountId);
  const file = await documentFields(input, who.userId, clock);
  return db.transaction(async (tx) => {
    const order = await requireWritableOrder(tx, input.orderId, who.accountId);
    return insertDocument(tx, { ...file, accountId: order.accountId, orderId: order.id });
  });
}

export const draftDocumentUploadInput = documentUploadInput
  .omit({ orderId: true })
  .extend({ draftId: idInput("The draft id") });

/** A document attached while the order is still a draft (typically the signed LOA); it moves to the orders at submit. */
export async function uploadDraftDocument(
  db: Db,
  clock: Clock,
  who: { accountId: string; userId: string },
  input: z.infer<typeof draftDocumentUploadInput>,
) {
  if (!(await findDraft(db, { draftId: input.draftId, accountId: who.accountId }))) {
    throw notFound("The draft");
  }
  const file = await documentFields(input, who.userId, clock);
  return db.transaction(async (tx) => {
    if (!(await findDraft(tx, { draftId: input.draftId, accountId: who.accountId }))) {
      throw notFound("The draft");
    }
    return insertDocument(tx, { ...file, accountId: who.accountId, draftId: input.draftId });
  });
}

export async function removeOrderDocument(db: Db, who: { accountId?: string }, input: { documentId: string }) {
  return db.transaction(async (tx) => {
    const document = await findDocument(tx, {
      documentId: input.documentId,
      ...(who.accountId ? { accountId: who.accountId } : {}),
    });
    if (!document?.orderId) {
      throw notFound("The document");
    }
    await requireWritableOrder(tx, document.orderId, who.accountId);
    await deleteDocument(tx, document.id);
    return { id: document.id };
  });
}

export async function listOrderDocuments(db: Db, orderId: string) {
  return findOrderDocuments(db, orderId);
}

export async function readDocument(db: Db, who: { accountId?: string }, documentId: string) {
  const document = await findDocument(db, { documentId, ...(who.accountId ? { accountId: who.accountId } : {}) });
  if (!document) {
    throw notFound("The document");
  }
  return document;
}
