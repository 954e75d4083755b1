import { createHash, randomBytes } from "node:crypto";
import {
  type Db,
  type DbOrTx,
  findDraft,
  findOrderRow,
  findOrdersOfSubmittedDraft,
  findSigningRequest,
  findSigningRequestByToken,
  findSigningRequests,
  insertDocument,
  insertEmails,
  insertSigningRequest,
  revokePendingSigningRequests,
  type SigningRequestRow,
  setSigningTokenForSend,
  updateSigningRequest,
} from "@portway/db";
import { idInput, isTerminalStatus, type OrderStatus, requiredText, textInput } from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { generateDraftLoa, generateOrderLoa } from "../customer/loa-pdf";
import { invalid, notFound, ServiceError } from "../errors";
import { formatEt, loadOrderSummary, orderName, recordNotification } from "../notifications/record";
import { type SignatureMark, stampSignedLoa } from "./signed-loa";

/** How long a signing link works (SPEC 10: single use, valid 7 days, revocable). */
export const SIGNING_LINK_DAYS = 7;
const MAX_SIGNATURE_PNG_BYTES = 300 * 1024;

export const signingLinkInput = z
  .object({
    orderId: idInput("The order id").optional(),
    draftId: idInput("The draft id").optional(),
    signerName: requiredText(200, "The authorizing person's name"),
    signerEmail: z.email({ message: "Enter the authorizing person's email address." }).trim().toLowerCase(),
    signerTitle: textInput(120, "The authorizing person's title").optional(),
  })
  .refine((input) => (input.orderId ? 1 : 0) + (input.draftId ? 1 : 0) === 1, {
    message: "Name either an order or a draft.",
    path: ["orderId"],
  });
export type SigningLinkInput = z.infer<typeof signingLinkInput>;

export const signingTargetInput = z
  .object({ orderId: idInput("The order id").optional(), draftId: idInput("The draft id").optional() })
  .refine((input) => (input.orderId ? 1 : 0) + (input.draftId ? 1 : 0) === 1, {
    message: "Name either an order or a draft.",
    path: ["orderId"],
  });

export const signLoaInput = z.object({
  signedName: requiredText(200, "Your full name"),
  signerTitle: textInput(120, "Your title").optional(),
  signature: z.discriminatedUnion("kind", [
    z.object({ kind: z.literal("TYPED"), text: requiredText(200, "Your typed signature") }),
    z.object({
      kind: z.literal("DRAWN"),
      pngBase64: z
        .string()
        .min(1, { message: "Draw your signature first." })
        .max(Math.ceil((MAX_SIGNATURE_PNG_BYTES * 4) / 3), { message: "The drawn signature is too large." })
        .regex(/^[A-Za-z0-9+/]+={0,2}$/, { message: "The drawn signature must be a PNG image." }),
    }),
  ]),
  agree: z.literal(true, { message: "Confirm that you are authorized to sign for the end user." }),
});
export type SignLoaInput = z.infer<typeof signLoaInput>;

export function tokenHash(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

async function requireTarget(db: DbOrTx, accountId: string, target: { orderId?: string; draftId?: string }) {
  if (target.orderId) {
    const order = await findOrderRow(db, { orderId: target.orderId, accountId });
    if (!order) {
      throw notFound("The order");
    }
    if (isTerminalStatus(order.status as OrderStatus)) {
      throw new ServiceError(
        "PRECONDITION",
        "READ_ONLY",
        `Documents of a ${order.status.toLowerCase()} order are read-only.`,
        "orderId",
      );
    }
    return { order, draft: null };
  }
  const draft = await findDraft(db, { draftId: target.draftId ?? "", accountId });
  if (!draft) {
    throw notFound("The draft");
  }
  return { order: null, draft };
}

/** Where a signing email's link goes: its request's id, never a token (the id opens nothing). */
function signingLinkPlaceholder(requestId: string): string {
  return `{{signing-link:${requestId}}}`;
}
const SIGNING_LINK_PLACEHOLDER = /\{\{signing-link:([0-9a-f-]{36})\}\}/;

/**
 * The body of a signing email as it is sent: its link's token is drawn now, at send time, and only its SHA-256 is
 * stored (on the request, replacing the hash of an earlier attempt's token, so a retried send leaves one working
 * link). The email's own row keeps the placeholder: no usable token rests in the mail queue, before or after
 * delivery. Null when the request was signed, revoked or expired before its email went out: nothing is sent then.
 */
export async function composeSigningEmail(db: DbOrTx, clock: Clock, bodyText: string): Promise<string | null> {
  const match = SIGNING_LINK_PLACEHOLDER.exec(bodyText);
  if (!match?.[1]) {
    return bodyText;
  }
  const token = randomBytes(32).toString("base64url");
  const set = await setSigningTokenForSend(db, { id: match[1], tokenSha256: tokenHash(token), now: clock.now() });
  return set ? bodyText.replace(match[0], `{{customer}}/sign/${token}`) : null;
}

const RAW_SIGNING_LINK = /\/sign\/[A-Za-z0-9_-]+/g;

/**
 * A signing email's body as the mail log keeps it once sent: a body written before links were composed at send time
 * carries its token, which is removed (as the migration removed it from those already sent).
 */
export function scrubbedSigningEmail(bodyText: string): string | undefined {
  const scrubbed = bodyText.replace(RAW_SIGNING_LINK, "/sign/(link removed once sent)");
  return scrubbed === bodyText ? undefined : scrubbed;
}

/**
 * Sends the authorizing person a single-use link to sign the LOA online (SPEC 10). The LOA is generated from the
 * order (or draft) as it is now and frozen; a link sent before for the same order is revoked. The email goes through
 * the outbox with the rest of the change, in one transaction; its link's token is drawn only when it is sent
 * (`composeSigningEmail`), and only the token's SHA-256 is ever stored.
 */
export async function sendSigningLink(
  db: Db,
  clock: Clock,
  who: { accountId: string; userId: string; name?: string },
  input: SigningLinkInput,
) {
  const now = clock.now();
  return db.transaction(async (tx) => {
    const target = await requireTarget(tx, who.accountId, input);
    const title = input.signerTitle || null;
    const loa = target.order
      ? await generateOrderLoa(tx, { accountId: who.accountId, orderId: target.order.id, now, authorizingTitle: title })
      : await generateDraftLoa(tx, {
          accountId: who.accountId,
          draftId: input.draftId ?? "",
          now,
          authorizingTitle: title,
        });
    const unsigned = Buffer.from(loa.contentBase64, "base64");
    await revokePendingSigningRequests(
      tx,
      target.order ? { orderId: target.order.id } : { draftId: input.draftId ?? "" },
      now,
    );
    const expiresAt = new Date(now.getTime() + SIGNING_LINK_DAYS * 24 * 3600 * 1000);
    const request = await insertSigningRequest(tx, {
      accountId: who.accountId,
      orderId: target.order?.id ?? null,
      draftId: target.draft?.id ?? null,
      tokenSha256: null,
      signerName: input.signerName,
      signerEmail: input.signerEmail,
      signerTitle: title,
      unsignedPdf: unsigned,
      unsignedSha256: createHash("sha256").update(unsigned).digest("hex"),
      fileName: loa.fileName,
      expiresAt,
      createdBy: who.userId,
      createdAt: now,
    });
    await insertEmails(tx, [
      {
        recipientId: null,
        toAddress: input.signerEmail,
        subject: "Portway: please sign the letter of authorization for your number port",
        bodyText: [
          `Hello ${input.signerName},`,
          "",
          `${who.name ?? "Your telephone service provider"} asks you to sign a letter of authorization (LOA) so that your telephone numbers can move to their service.`,
          "",
          "Review and sign it here (no account needed):",
          signingLinkPlaceholder(request.id),
          "",
          `The link works once and until ${formatEt(expiresAt)}.`,
          "If you did not expect this email, ignore it: nothing happens until the letter is signed.",
        ].join("\n"),
        kind: "SIGNING_LINK",
        nextAttemptAt: now,
        createdAt: now,
      },
    ]);
    return { id: request.id, signerEmail: request.signerEmail, expiresAt, status: request.status };
  });
}

export async function listSigningRequests(
  db: Db,
  clock: Clock,
  who: { accountId: string },
  input: z.infer<typeof signingTargetInput>,
) {
  await requireTargetExists(db, who.accountId, input);
  const now = clock.now();
  const rows = await findSigningRequests(db, {
    accountId: who.accountId,
    ...(input.orderId ? { orderId: input.orderId } : { draftId: input.draftId ?? "" }),
  });
  return rows.map((row) => ({ ...row, status: effectiveStatus(row, now) }));
}

async function requireTargetExists(db: DbOrTx, accountId: string, target: { orderId?: string; draftId?: string }) {
  const found = target.orderId
    ? await findOrderRow(db, { orderId: target.orderId, accountId })
    : await findDraft(db, { draftId: target.draftId ?? "", accountId });
  if (!found) {
    throw notFound(target.orderId ? "The order" : "The draft");
  }
}

function effectiveStatus(row: { status: string; expiresAt: Date }, now: Date) {
  return row.status === "PENDING" && row.expiresAt.getTime() <= now.getTime() ? "EXPIRED" : row.status;
}

/** Revokes a link that was not used yet: it opens nothing afterwards. */
export async function revokeSigningLink(db: Db, clock: Clock, who: { accountId: string }, input: { id: string }) {
  return db.transaction(async (tx) => {
    const row = await findSigningRequest(tx, { id: input.id, accountId: who.accountId });
    if (!row) {
      throw notFound("The signing link");
    }
    if (row.status !== "PENDING") {
      throw new ServiceError(
        "PRECONDITION",
        "SIGNING_LINK_CLOSED",
        `This link was already ${row.status.toLowerCase()}.`,
        "id",
      );
    }
    const now = clock.now();
    await updateSigningRequest(tx, row.id, { status: "REVOKED", revokedAt: now });
    return { id: row.id, status: "REVOKED" as const };
  });
}

/** Why a link opens nothing, in words for the signer. */
function closedLink(row: SigningRequestRow | null, now: Date): ServiceError | null {
  const gone = (code: string, message: string) => new ServiceError("PRECONDITION", code, message, "token");
  if (!row) {
    return new ServiceError("NOT_FOUND", "SIGNING_LINK_UNKNOWN", "This signing link is not valid.", "token");
  }
  if (row.status === "SIGNED") {
    return gone("SIGNING_LINK_USED", "This letter was already signed; the link works only once.");
  }
  if (row.status === "REVOKED") {
    return gone("SIGNING_LINK_REVOKED", "This signing link was withdrawn by the sender. Ask them for a new one.");
  }
  if (row.expiresAt.getTime() <= now.getTime()) {
    return gone("SIGNING_LINK_EXPIRED", "This signing link has expired. Ask the sender for a new one.");
  }
  return null;
}

/** What the public signing page shows for a link: the letter and who is asked to sign it, or why it is closed. */
export async function openSigningLink(db: Db, clock: Clock, token: string) {
  const row = token.length > 0 && token.length <= 128 ? await findSigningRequestByToken(db, tokenHash(token)) : null;
  const closed = closedLink(row, clock.now());
  if (closed || !row) {
    throw closed ?? notFound("The signing link");
  }
  return {
    id: row.id,
    signerName: row.signerName,
    signerTitle: row.signerTitle,
    fileName: row.fileName,
    expiresAt: row.expiresAt,
    unsignedSha256: row.unsignedSha256,
    pdf: row.unsignedPdf,
  };
}

function isPng(bytes: Uint8Array): boolean {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  return bytes.length > signature.length && signature.every((byte, index) => bytes[index] === byte);
}

/**
 * The signer signs: the link is used (once), the signed LOA is stamped and stored on the order (or draft) with its
 * signature date, and the account is told (in-app, email, webhook `loa.signed`). One transaction, the link's row
 * locked so that two tabs cannot both sign.
 */
export async function signWithLink(
  db: Db,
  clock: Clock,
  input: { token: string; ip: string; userAgent: string; signing: SignLoaInput },
) {
  const signature: SignatureMark =
    input.signing.signature.kind === "TYPED"
      ? { kind: "TYPED", text: input.signing.signature.text }
      : { kind: "DRAWN", png: Buffer.from(input.signing.signature.pngBase64, "base64") };
  if (signature.kind === "DRAWN" && !isPng(signature.png)) {
    throw invalid([
      { field: "signature", code: "SIGNATURE_NOT_PNG", message: "The drawn signature must be a PNG image." },
    ]);
  }
  return db.transaction(async (tx) => {
    const now = clock.now();
    const row =
      input.token.length > 0 && input.token.length <= 128
        ? await findSigningRequestByToken(tx, tokenHash(input.token), { forUpdate: true })
        : null;
    const closed = closedLink(row, now);
    if (closed || !row) {
      throw closed ?? notFound("The signing link");
    }
    const draftAlive = row.draftId ? await findDraft(tx, { draftId: row.draftId, accountId: row.accountId }) : null;
    // A draft submitted while its link was out: the letter goes to the orders it became.
    const submitted =
      row.draftId && !draftAlive
        ? await findOrdersOfSubmittedDraft(tx, { accountId: row.accountId, draftId: row.draftId })
        : [];
    const orderId = row.orderId ?? submitted[0]?.id ?? null;
    const order = orderId ? await findOrderRow(tx, { orderId, accountId: row.accountId }) : null;
    if (order && isTerminalStatus(order.status as OrderStatus)) {
      throw new ServiceError(
        "PRECONDITION",
        "READ_ONLY",
        "This order is closed; the letter can no longer be signed.",
        "token",
      );
    }
    if (!order && !draftAlive) {
      throw new ServiceError(
        "PRECONDITION",
        "SIGNING_TARGET_GONE",
        "The order this letter was for no longer exists.",
        "token",
      );
    }
    const title = input.signing.signerTitle || row.signerTitle;
    const signed = Buffer.from(
      await stampSignedLoa(new Uint8Array(row.unsignedPdf), {
        requestId: row.id,
        signedName: input.signing.signedName,
        signerEmail: row.signerEmail,
        signerTitle: title,
        signature,
        signedAt: now,
        ip: input.ip,
        userAgent: input.userAgent.slice(0, 500),
        unsignedSha256: row.unsignedSha256,
      }),
    );
    const file = {
      accountId: row.accountId,
      draftId: order ? null : row.draftId,
      kind: "LOA",
      fileName: row.fileName.replace(/\.pdf$/, "-signed.pdf"),
      mediaType: "application/pdf",
      size: signed.length,
      sha256: createHash("sha256").update(signed).digest("hex"),
      content: signed,
      signedAt: now,
      uploadedBy: null,
      createdAt: now,
    };
    const document = await insertDocument(tx, { ...file, orderId: order?.id ?? null });
    // Every other order of the submitted draft's port request gets its copy of the same letter.
    for (const other of submitted.slice(1)) {
      await insertDocument(tx, { ...file, orderId: other.id });
    }
    await updateSigningRequest(tx, row.id, {
      status: "SIGNED",
      signedAt: now,
      signedName: input.signing.signedName,
      signerTitle: title,
      signerIp: input.ip,
      signerUserAgent: input.userAgent.slice(0, 500),
      signedDocumentId: document.id,
    });
    const what = order ? orderName(order) : "your draft";
    await recordNotification(tx, {
      accountId: row.accountId,
      order,
      type: "loa.signed",
      title: `${input.signing.signedName} signed the LOA of ${what}`,
      body: `The letter of authorization was signed online ${formatEt(now)} and is stored with ${what}.`,
      at: now,
      audience: { customers: true, staff: false, webhook: true },
      actorUserId: null,
      data: {
        ...(order ? { order: await loadOrderSummary(tx, order) } : { draftId: row.draftId }),
        loa: {
          documentId: document.id,
          signingRequestId: row.id,
          signedBy: input.signing.signedName,
          signedAt: now.toISOString(),
          unsignedSha256: row.unsignedSha256,
        },
      },
    });
    return { documentId: document.id, signedAt: now };
  });
}
