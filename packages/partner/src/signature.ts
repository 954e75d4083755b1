import { createHmac, timingSafeEqual } from "node:crypto";
import { partnerHeaders } from "./headers";

export const defaultSignatureToleranceMs = 5 * 60_000;
const signaturePrefix = "sha256=";

export interface SignCallbackInput {
  secret: string;
  rawBody: string;
  /** Transport time, not the simulated business clock: the timestamp guards against replay. */
  now: Date;
}

export interface CallbackSignature {
  timestamp: string;
  signature: string;
  /** Ready to spread into a request's headers. */
  headers: Record<string, string>;
}

function computeHmac(secret: string, timestamp: string, rawBody: string | Uint8Array): Buffer {
  const hmac = createHmac("sha256", secret);
  hmac.update(`${timestamp}.`);
  hmac.update(rawBody);
  return hmac.digest();
}

/** Signs a callback body: HMAC-SHA256 over `${timestamp}.${rawBody}` with the shared secret. */
export function signCallback(input: SignCallbackInput): CallbackSignature {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  const signature = `${signaturePrefix}${computeHmac(input.secret, timestamp, input.rawBody).toString("hex")}`;
  return {
    timestamp,
    signature,
    headers: { [partnerHeaders.timestamp]: timestamp, [partnerHeaders.signature]: signature },
  };
}

export type SignatureFailureReason = "missing" | "malformed" | "stale" | "mismatch";
export type SignatureVerification = { ok: true; signedAt: Date } | { ok: false; reason: SignatureFailureReason };

export interface VerifyCallbackInput {
  /** One secret, or several while a secret is being rotated. */
  secret: string | readonly string[];
  /** The body exactly as received, before any JSON parsing. */
  rawBody: string | Uint8Array;
  timestamp: string | null | undefined;
  signature: string | null | undefined;
  now: Date;
  /** How far the timestamp may be from `now`, either way. Default 5 minutes. */
  toleranceMs?: number;
}

/**
 * Verifies a callback's signature. Never throws for a bad signature: the answer says why it failed, so the
 * receiver can answer 401 and log the reason. A timestamp too far in the past or the future is "stale".
 */
export function verifyCallbackSignature(input: VerifyCallbackInput): SignatureVerification {
  const { timestamp, signature } = input;
  if (!timestamp || !signature) {
    return { ok: false, reason: "missing" };
  }
  if (!/^\d{1,12}$/.test(timestamp) || !/^sha256=[0-9a-f]{64}$/i.test(signature)) {
    return { ok: false, reason: "malformed" };
  }
  const signedAtMs = Number(timestamp) * 1000;
  if (Math.abs(input.now.getTime() - signedAtMs) > (input.toleranceMs ?? defaultSignatureToleranceMs)) {
    return { ok: false, reason: "stale" };
  }
  const received = Buffer.from(signature.slice(signaturePrefix.length), "hex");
  const secrets = typeof input.secret === "string" ? [input.secret] : input.secret;
  // Compare against every secret (no early exit), so timing does not tell which one matched.
  let matched = false;
  for (const secret of secrets) {
    const expected = computeHmac(secret, timestamp, input.rawBody);
    if (expected.length === received.length && timingSafeEqual(expected, received)) {
      matched = true;
    }
  }
  return matched ? { ok: true, signedAt: new Date(signedAtMs) } : { ok: false, reason: "mismatch" };
}

type HeaderBag = Headers | Record<string, string | string[] | undefined>;

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (headers instanceof Headers) {
    return headers.get(name) ?? undefined;
  }
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}

/** verifyCallbackSignature reading the timestamp and signature from request headers (node:http or fetch). */
export function verifyCallbackRequest(
  input: Omit<VerifyCallbackInput, "timestamp" | "signature"> & { headers: HeaderBag },
): SignatureVerification {
  return verifyCallbackSignature({
    ...input,
    timestamp: readHeader(input.headers, partnerHeaders.timestamp),
    signature: readHeader(input.headers, partnerHeaders.signature),
  });
}
