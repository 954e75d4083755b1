import http from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { partnerHeaders, signCallback, verifyCallbackRequest, verifyCallbackSignature } from "../src/index";

const secret = "test-secret";
const rawBody = JSON.stringify({ eventId: "e1", type: "FOC" });
const now = new Date("2026-03-09T12:00:00Z");

function sign(body = rawBody, at = now, key = secret) {
  return signCallback({ secret: key, rawBody: body, now: at });
}

describe("callback signatures", () => {
  it("round-trips", () => {
    const { timestamp, signature } = sign();
    expect(signature).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifyCallbackSignature({ secret, rawBody, timestamp, signature, now })).toEqual({
      ok: true,
      signedAt: now,
    });
  });

  it("refuses a tampered body, a wrong secret, and a signature moved to another timestamp", () => {
    const { timestamp, signature } = sign();
    const tampered = rawBody.replace("FOC", "REJECTED");
    expect(verifyCallbackSignature({ secret, rawBody: tampered, timestamp, signature, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
    expect(verifyCallbackSignature({ secret: "other", rawBody, timestamp, signature, now }).ok).toBe(false);
    const shifted = String(Number(timestamp) + 1);
    expect(verifyCallbackSignature({ secret, rawBody, timestamp: shifted, signature, now })).toEqual({
      ok: false,
      reason: "mismatch",
    });
  });

  it("accepts any of several secrets during a rotation", () => {
    const { timestamp, signature } = sign(rawBody, now, "new-secret");
    expect(verifyCallbackSignature({ secret: [secret, "new-secret"], rawBody, timestamp, signature, now }).ok).toBe(
      true,
    );
  });

  it("refuses stale and future timestamps beyond the tolerance, and accepts them within", () => {
    const old = sign(rawBody, new Date(now.getTime() - 5 * 60_000 - 1_000));
    expect(verifyCallbackSignature({ secret, rawBody, ...old, now })).toEqual({ ok: false, reason: "stale" });
    const future = sign(rawBody, new Date(now.getTime() + 6 * 60_000));
    expect(verifyCallbackSignature({ secret, rawBody, ...future, now })).toEqual({ ok: false, reason: "stale" });
    const recent = sign(rawBody, new Date(now.getTime() - 4 * 60_000));
    expect(verifyCallbackSignature({ secret, rawBody, ...recent, now }).ok).toBe(true);
    expect(verifyCallbackSignature({ secret, rawBody, ...old, now, toleranceMs: 10 * 60_000 }).ok).toBe(true);
  });

  it("says missing or malformed without throwing", () => {
    const { timestamp, signature } = sign();
    expect(verifyCallbackSignature({ secret, rawBody, timestamp: undefined, signature, now }).ok).toBe(false);
    expect(verifyCallbackSignature({ secret, rawBody, timestamp, signature: null, now })).toEqual({
      ok: false,
      reason: "missing",
    });
    for (const bad of ["abc", "sha256=xyz", `md5=${"0".repeat(64)}`, "sha256=00"]) {
      expect(verifyCallbackSignature({ secret, rawBody, timestamp, signature: bad, now })).toEqual({
        ok: false,
        reason: "malformed",
      });
    }
    expect(verifyCallbackSignature({ secret, rawBody, timestamp: "12:00", signature, now })).toEqual({
      ok: false,
      reason: "malformed",
    });
  });

  it("verifies a real HTTP delivery from its raw bytes and node:http headers", async () => {
    const signed = sign(rawBody, new Date());
    const received = await new Promise<{ headers: http.IncomingHttpHeaders; body: Buffer }>((resolve) => {
      const server = http.createServer((request, response) => {
        const chunks: Buffer[] = [];
        request.on("data", (chunk: Buffer) => chunks.push(chunk));
        request.on("end", () => {
          response.end();
          server.close();
          resolve({ headers: request.headers, body: Buffer.concat(chunks) });
        });
      });
      server.listen(0, "127.0.0.1", () => {
        const { port } = server.address() as AddressInfo;
        void fetch(`http://127.0.0.1:${port}/`, { method: "POST", headers: signed.headers, body: rawBody });
      });
    });
    expect(received.headers[partnerHeaders.signature]).toBe(signed.signature);
    const verdict = verifyCallbackRequest({
      secret,
      rawBody: received.body,
      headers: received.headers,
      now: new Date(),
    });
    expect(verdict.ok).toBe(true);
    const headers = new Headers(signed.headers);
    expect(verifyCallbackRequest({ secret, rawBody, headers, now: new Date() }).ok).toBe(true);
  });
});
