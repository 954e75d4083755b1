import { createHash } from "node:crypto";
import { findIdempotencyKey, insertIdempotencyKey } from "@portway/db";
import { ServiceError } from "@portway/services";
import type { ApiRuntime, Caller } from "./context";

export interface StoredAnswer<T> {
  status: 200 | 201;
  body: T;
  replayed: boolean;
}

const keyPattern = /^[\x21-\x7e]{1,255}$/;

/**
 * Runs `work` once per Idempotency-Key: a retry with the same key and body answers the first answer again (without
 * running anything), the same key with another body is a 409. Without a key, `work` simply runs.
 */
export async function runIdempotent<T>(
  runtime: ApiRuntime,
  caller: Caller,
  key: string | undefined,
  request: unknown,
  work: () => Promise<{ status: 200 | 201; body: T }>,
): Promise<StoredAnswer<T>> {
  if (key === undefined) {
    return { ...(await work()), replayed: false };
  }
  if (!keyPattern.test(key)) {
    throw new ServiceError(
      "INVALID",
      "INVALID_IDEMPOTENCY_KEY",
      "An Idempotency-Key is 1 to 255 printable ASCII characters.",
      "Idempotency-Key",
    );
  }
  const requestHash = createHash("sha256").update(JSON.stringify(request)).digest("hex");
  const where = { accountId: caller.accountId, key };
  const replay = async () => {
    const stored = await findIdempotencyKey(runtime.db, where);
    if (!stored) {
      return null;
    }
    if (stored.requestHash !== requestHash) {
      throw new ServiceError(
        "CONFLICT",
        "IDEMPOTENCY_KEY_REUSED",
        "This Idempotency-Key was used with another request body; use a new key for a new request.",
        "Idempotency-Key",
      );
    }
    return { status: stored.statusCode as 200 | 201, body: stored.response as T, replayed: true };
  };
  const earlier = await replay();
  if (earlier) {
    return earlier;
  }
  const answer = await work();
  const body = JSON.parse(JSON.stringify(answer.body)) as T;
  const kept = await insertIdempotencyKey(runtime.db, {
    ...where,
    requestHash,
    statusCode: answer.status,
    response: body,
    createdAt: runtime.clock.now(),
  });
  if (!kept) {
    // A concurrent request with the same key answered first: its answer is the one.
    const first = await replay();
    if (first) {
      return first;
    }
  }
  return { status: answer.status, body, replayed: false };
}
