import { createHmac, timingSafeEqual } from "node:crypto";

/** Header names of the Standard Webhooks specification (sent beside Portway's own). */
export const standardWebhookHeaders = {
  id: "webhook-id",
  timestamp: "webhook-timestamp",
  signature: "webhook-signature",
} as const;

const secretPrefix = "whsec_";

/**
 * The signing key of a `whsec_` secret: the bytes its base64 part stands for. Secrets made before Portway issued
 * standard base64 ones are base64url; Node decodes both alphabets to the same bytes.
 */
export function standardWebhookKey(secret: string): Buffer {
  const encoded = secret.startsWith(secretPrefix) ? secret.slice(secretPrefix.length) : secret;
  const key = Buffer.from(encoded, "base64");
  if (key.length === 0) {
    throw new Error("A webhook secret cannot be empty.");
  }
  return key;
}

/** `v1,<base64 HMAC-SHA256 of "<id>.<timestamp>.<body>">`, the timestamp in unix seconds. */
export function standardWebhookSignature(input: { secret: string; id: string; timestamp: string; body: string }) {
  const mac = createHmac("sha256", standardWebhookKey(input.secret))
    .update(`${input.id}.${input.timestamp}.${input.body}`)
    .digest("base64");
  return `v1,${mac}`;
}

/** The three Standard Webhooks headers of one delivery attempt (transport time, as a receiver checks it). */
export function signStandardWebhook(input: { secret: string; id: string; body: string; now: Date }) {
  const timestamp = String(Math.floor(input.now.getTime() / 1000));
  return {
    [standardWebhookHeaders.id]: input.id,
    [standardWebhookHeaders.timestamp]: timestamp,
    [standardWebhookHeaders.signature]: standardWebhookSignature({ ...input, timestamp }),
  };
}

/** What a receiver does: one of the space-separated v1 signatures matches, and the timestamp is within tolerance. */
export function verifyStandardWebhook(input: {
  secret: string;
  body: string;
  headers: Record<string, string | undefined>;
  now: Date;
  toleranceSeconds?: number;
}): boolean {
  const id = input.headers[standardWebhookHeaders.id];
  const timestamp = input.headers[standardWebhookHeaders.timestamp];
  const signatures = input.headers[standardWebhookHeaders.signature];
  if (!id || !timestamp || !signatures || !/^\d{1,12}$/.test(timestamp)) {
    return false;
  }
  const age = Math.abs(input.now.getTime() / 1000 - Number(timestamp));
  if (age > (input.toleranceSeconds ?? 300)) {
    return false;
  }
  const expected = Buffer.from(standardWebhookSignature({ secret: input.secret, id, timestamp, body: input.body }));
  return signatures.split(" ").some((candidate) => {
    const given = Buffer.from(candidate);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
