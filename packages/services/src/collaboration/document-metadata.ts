import { createHash } from "node:crypto";
import {
  countOrderDocumentsOfKind,
  type Db,
  type DbOrTx,
  deleteDocument,
  findDocument,
  findDraft,
  findOrderRow,
  replaceDocumentFile,
  updateDocumentMetadata,
} from "@portway/db";
import type { DocumentKind } from "@portway/domain";
import type { Clock } from "../clock";
import { sanitizeFileName } from "../documents/file-name";
import { notFound, ServiceError } from "../errors";
import { checkDocumentFile, refuseReadOnlyDocuments } from "./documents";
import { mediaTypeOfName } from "./sniff-document";

const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,8})$/.exec(fileName)?.[1]?.toLowerCase() ?? null;

/** The name a document gets when no name was given for it: its kind and its file type ("loa.pdf"). */
export function defaultDocumentName(kind: DocumentKind, currentFileName: string): string {
  return `${kind.toLowerCase()}.${extensionOf(currentFileName) ?? "pdf"}`;
}

/**
 * A name the file keeps its type under: the given name, sanitized, with the stored file's extension when the name
 * does not already say the same type (a PDF renamed "Signed LOA" is stored as "Signed LOA.pdf").
 */
function nameOfType(name: string, mediaType: string, currentFileName: string): string {
  const clean = sanitizeFileName(name);
  if (mediaTypeOfName(clean) === mediaType) {
    return clean;
  }
  const extension = extensionOf(currentFileName);
  return extension ? `${clean}.${extension}` : clean;
}

/** A document of the account on an order that is not terminal, or on one of the account's drafts. */
async function writableDocument(tx: DbOrTx, accountId: string, documentId: string) {
  const document = await findDocument(tx, { documentId, accountId });
  if (!document) {
    throw notFound("The document");
  }
  if (document.orderId) {
    const order = await findOrderRow(tx, { orderId: document.orderId, accountId });
    if (!order) {
      throw notFound("The document");
    }
    refuseReadOnlyDocuments(order.status);
  } else if (!document.draftId || !(await findDraft(tx, { draftId: document.draftId, accountId }))) {
    throw notFound("The document");
  }
  return document;
}

/** An order was submitted on its LOA: its last one stays (another can be uploaded first). */
async function requireAnotherLoa(tx: DbOrTx, orderId: string) {
  if ((await countOrderDocumentsOfKind(tx, orderId, "LOA")) <= 1) {
    throw new ServiceError(
      "PRECONDITION",
      "LOA_REQUIRED",
      "This is the order's only LOA: upload another LOA before removing it or changing its type.",
      "documentType",
    );
  }
}

/**
 * Changes a document's metadata (its name, its kind) on an order or a draft of the caller's account. A terminal
 * order's documents are read-only; an order's last LOA keeps its kind (the order was submitted on it). A document that
 * becomes an LOA counts as signed when it is declared one, as an uploaded LOA counts as signed when it is uploaded.
 * Answers the document and whether it became an LOA (a draft waiting for its LOA is then ready to submit).
 */
export async function changeDocumentMetadata(
  db: Db,
  clock: Clock,
  who: { accountId: string },
  input: { documentId: string; name?: string | null; kind?: DocumentKind },
) {
  return db.transaction(async (tx) => {
    const document = await writableDocument(tx, who.accountId, input.documentId);
    if (document.orderId && document.kind === "LOA" && input.kind && input.kind !== "LOA") {
      await requireAnotherLoa(tx, document.orderId);
    }
    const kind = input.kind ?? (document.kind as DocumentKind);
    const fileName =
      input.name === null
        ? defaultDocumentName(kind, document.fileName)
        : input.name !== undefined
          ? nameOfType(input.name, document.mediaType, document.fileName)
          : document.fileName;
    const becameLoa = kind === "LOA" && document.kind !== "LOA";
    const signedAt = kind === "LOA" ? (document.signedAt ?? clock.now()) : document.signedAt;
    const updated = await updateDocumentMetadata(tx, document.id, { kind, fileName, signedAt });
    return {
      id: updated.id,
      kind: updated.kind as DocumentKind,
      fileName: updated.fileName,
      orderId: document.orderId,
      draftId: document.draftId,
      becameLoa,
    };
  });
}

/**
 * Replaces a document's file in place (the same ID, kind and signature date), checked like an upload: its type by its
 * content, under a name of that type (the document's name with the new type's extension when none is given).
 */
export async function replaceDocument(
  db: Db,
  who: { accountId: string; userId: string },
  input: { documentId: string; fileName?: string; contentBase64: string; extension?: string },
) {
  return db.transaction(async (tx) => {
    const document = await writableDocument(tx, who.accountId, input.documentId);
    const base = document.fileName.replace(/\.[A-Za-z0-9]{1,8}$/, "");
    const fileName = sanitizeFileName(
      input.fileName ?? `${base}.${input.extension ?? extensionOf(document.fileName) ?? "pdf"}`,
    );
    // (awaited whether the content check is synchronous or not)
    const { bytes, mediaType } = await checkDocumentFile(fileName, input.contentBase64);
    return replaceDocumentFile(tx, document.id, {
      fileName,
      mediaType,
      size: bytes.length,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      content: bytes,
      uploadedBy: who.userId,
    });
  });
}

/** Removes a document of an order (not its last LOA) or of a draft of the account. */
export async function removeDocument(db: Db, who: { accountId: string }, input: { documentId: string }) {
  return db.transaction(async (tx) => {
    const document = await writableDocument(tx, who.accountId, input.documentId);
    if (document.orderId && document.kind === "LOA") {
      await requireAnotherLoa(tx, document.orderId);
    }
    await deleteDocument(tx, document.id);
    return { id: document.id };
  });
}
