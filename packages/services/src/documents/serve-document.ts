import type { Db } from "@portway/db";
import { readDocument } from "../collaboration/documents";
import { ServiceError } from "../errors";
import { contentDisposition } from "./file-name";

/** Types a browser shows by itself without running anything of the file: only these may be opened inline. */
const PREVIEWABLE = new Set(["application/pdf", "image/png", "image/jpeg"]);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isPreviewable(mediaType: string): boolean {
  return PREVIEWABLE.has(mediaType);
}

function problem(status: number, code: string, message: string): Response {
  return Response.json(
    { issues: [{ field: "documentId", code, message }] },
    { status, headers: { "cache-control": "no-store", "x-content-type-options": "nosniff" } },
  );
}

/**
 * A stored document as an HTTP response for a portal (SPEC 10): a customer opens their account's documents, staff
 * (no account) any. Downloads by default; `inline` only for PDFs and images. The stored media type, never sniffed,
 * and a sandbox CSP so that a hostile file opened directly runs nothing with the portal's origin.
 */
export async function documentResponse(
  db: Db,
  who: { accountId?: string },
  documentId: string,
  options: { inline?: boolean } = {},
): Promise<Response> {
  if (!UUID.test(documentId)) {
    return problem(404, "NOT_FOUND", "The document was not found.");
  }
  let document: Awaited<ReturnType<typeof readDocument>>;
  try {
    document = await readDocument(db, who, documentId);
  } catch (error) {
    if (error instanceof ServiceError && error.kind === "NOT_FOUND") {
      return problem(404, "NOT_FOUND", error.message);
    }
    throw error;
  }
  const inline = options.inline === true && isPreviewable(document.mediaType);
  const body = new Uint8Array(document.content);
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": document.mediaType,
      "content-length": String(body.byteLength),
      "content-disposition": contentDisposition(document.fileName, inline ? "inline" : "attachment"),
      "x-content-type-options": "nosniff",
      "content-security-policy": "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'",
      "cache-control": "private, no-store",
      "cross-origin-resource-policy": "same-origin",
      "x-document-sha256": document.sha256,
    },
  });
}
