import { createHash } from "node:crypto";
import { createDb, type DbHandle, documents, emails, notifications, signingRequests } from "@portway/db";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  getCustomerHome,
  listSigningRequests,
  type Mailer,
  openSigningLink,
  revokeSigningLink,
  saveDraft,
  seedDemoData,
  seedNumberingData,
  sendEmail,
  sendSigningLink,
  signingPdfResponse,
  signingPostResponse,
  signWithLink,
  submitPortRequest,
  tokenHash,
} from "../src/index";
import { demoCustomer, draftWithLoa, failure, mondayMorning, submissionData, tnRange } from "./order-fixtures";
import { pdfPageTexts } from "./pdf-text";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
let blue: Awaited<ReturnType<typeof demoCustomer>>;
let orderId = "";
const clock = fixedClock(mondayMorning);
const signer = { signerName: "Zoë Müller-Łukasik", signerEmail: "zoe@example.com", signerTitle: "Owner" };
const browser = { ip: "203.0.113.7", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X)" };

const links = { customer: "https://portal.example", admin: "https://admin.example" };

/** The newest signing email to an address, as stored in the mail queue. */
async function signingEmailTo(address: string) {
  const [mail] = await handle.db
    .select()
    .from(emails)
    .where(and(eq(emails.toAddress, address), eq(emails.kind, "SIGNING_LINK")))
    .orderBy(desc(emails.createdAt), desc(emails.id))
    .limit(1);
  if (!mail) {
    throw new Error(`no signing email to ${address}`);
  }
  return mail;
}

/** Sends the newest signing email to an address as the worker does; the text the mailbox receives (or null). */
async function deliverSigningEmail(address: string, options: { failWith?: string } = {}) {
  const mail = await signingEmailTo(address);
  const received: string[] = [];
  const mailer: Mailer = {
    send: async (message) => {
      if (options.failWith) {
        throw new Error(options.failWith);
      }
      received.push(message.text);
      return { messageId: `<${received.length}@test>` };
    },
    close: () => undefined,
  };
  await sendEmail(handle.db, clock, mailer, mail, { from: "Portway <n@portway.test>", links });
  return received[0] ?? null;
}

/** The token of the newest signing email to an address, as the signer receives it. */
async function tokenSentTo(address: string): Promise<string> {
  const text = await deliverSigningEmail(address);
  const token = /https:\/\/portal\.example\/sign\/([A-Za-z0-9_-]+)/.exec(text ?? "")?.[1];
  if (!token) {
    throw new Error("no signing link sent");
  }
  return token;
}

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
  blue = await demoCustomer(handle.db, "blue-harbor");
  const data = submissionData(tnRange("617253", 7300, 2), "SIGN-1");
  const draft = await draftWithLoa(handle.db, acme, data);
  const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
  orderId = submitted.orders[0]?.id ?? "";
});
afterAll(async () => {
  await handle.close();
});

describe("signing an LOA by link", () => {
  it("keeps only the token's SHA-256, signs once and stamps an audit page naming the unsigned document's hash", async () => {
    const sent = await sendSigningLink(handle.db, clock, acme, { orderId, ...signer, signerEmail: "zoe@example.com" });
    const token = await tokenSentTo("zoe@example.com");
    const [row] = await handle.db.select().from(signingRequests).where(eq(signingRequests.id, sent.id));
    expect(row?.tokenSha256).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(sent.expiresAt.toISOString()).toBe("2026-12-14T15:00:00.000Z");

    const home = await getCustomerHome(handle.db, { accountId: acme.accountId, now: clock.now() });
    expect(home.missingDocuments).toContainEqual(expect.objectContaining({ kind: "ORDER", id: orderId }));

    const opened = await openSigningLink(handle.db, clock, token);
    const unsignedHash = createHash("sha256").update(opened.pdf).digest("hex");
    expect(opened.unsignedSha256).toBe(unsignedHash);
    const letter = (await pdfPageTexts(new Uint8Array(opened.pdf)))[0];
    expect(letter).toContain("Harbor Dental LLC");
    expect(letter).toMatch(/Title:\s+Owner/);

    const signed = await signWithLink(handle.db, clock, {
      token,
      ...browser,
      signing: { signedName: "Zoë Müller-Łukasik", signature: { kind: "TYPED", text: "Zoë M.-Ł." }, agree: true },
    });
    const [document] = await handle.db.select().from(documents).where(eq(documents.id, signed.documentId));
    expect(document).toMatchObject({ orderId, kind: "LOA", mediaType: "application/pdf" });
    expect(document?.signedAt?.toISOString()).toBe(mondayMorning.toISOString());
    const pages = await pdfPageTexts(new Uint8Array(document?.content ?? []));
    const audit = pages.at(-1) ?? "";
    expect(audit).toContain("Signature audit");
    expect(/[0-9a-f]{64}/.exec(audit)?.[0]).toBe(unsignedHash);
    expect(audit).toContain("203.0.113.7");
    expect(audit).toContain("iPhone");
    expect(audit).toContain("2026-12-07 15:00:00 UTC");
    expect(audit).toContain("10:00:00 AM EST");
    expect(pages[0]).toContain("Zoë M.-Ł.");

    const used = await failure(() =>
      signWithLink(handle.db, clock, {
        token,
        ...browser,
        signing: { signedName: "Someone Else", signature: { kind: "TYPED", text: "S. E." }, agree: true },
      }),
    );
    expect(used.code).toBe("SIGNING_LINK_USED");
    expect((await failure(() => openSigningLink(handle.db, clock, token))).code).toBe("SIGNING_LINK_USED");

    const told = await handle.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.orderId, orderId), eq(notifications.kind, "loa.signed")));
    expect(told.length).toBeGreaterThan(0);
    const after = await getCustomerHome(handle.db, { accountId: acme.accountId, now: clock.now() });
    expect(after.missingDocuments).not.toContainEqual(expect.objectContaining({ kind: "ORDER", id: orderId }));
  });

  it("refuses a revoked link, an expired one and a link replaced by a newer one", async () => {
    const first = await sendSigningLink(handle.db, clock, acme, { orderId, ...signer, signerEmail: "r1@example.com" });
    const firstToken = await tokenSentTo("r1@example.com");
    await revokeSigningLink(handle.db, clock, acme, { id: first.id });
    expect((await failure(() => openSigningLink(handle.db, clock, firstToken))).code).toBe("SIGNING_LINK_REVOKED");
    expect((await failure(() => revokeSigningLink(handle.db, clock, acme, { id: first.id }))).code).toBe(
      "SIGNING_LINK_CLOSED",
    );

    await sendSigningLink(handle.db, clock, acme, { orderId, ...signer, signerEmail: "r2@example.com" });
    const replacedToken = await tokenSentTo("r2@example.com");
    await sendSigningLink(handle.db, clock, acme, { orderId, ...signer, signerEmail: "r3@example.com" });
    expect((await failure(() => openSigningLink(handle.db, clock, replacedToken))).code).toBe("SIGNING_LINK_REVOKED");

    const later = fixedClock(new Date(mondayMorning.getTime() + 7 * 24 * 3600 * 1000));
    const expiredToken = await tokenSentTo("r3@example.com");
    expect((await failure(() => openSigningLink(handle.db, later, expiredToken))).code).toBe("SIGNING_LINK_EXPIRED");
    expect((await failure(() => openSigningLink(handle.db, clock, "not-a-token"))).kind).toBe("NOT_FOUND");
    const listed = await listSigningRequests(handle.db, later, acme, { orderId });
    expect(listed.map((r) => r.status).sort()).toEqual(["EXPIRED", "REVOKED", "REVOKED", "SIGNED"]);
  });

  it("answers another account's order with not found", async () => {
    const error = await failure(() => sendSigningLink(handle.db, clock, blue, { orderId, ...signer }));
    expect(error.kind).toBe("NOT_FOUND");
    expect((await failure(() => listSigningRequests(handle.db, clock, blue, { orderId }))).kind).toBe("NOT_FOUND");
  });

  it("over HTTP: own origin only, each field's error named, a drawn signature stamped once, then 410", async () => {
    await sendSigningLink(handle.db, clock, acme, { orderId, ...signer, signerEmail: "http@example.com" });
    const token = await tokenSentTo("http@example.com");
    const options = { token, ownOrigin: "http://portal.test:3000", trustedProxyHops: 0 };
    const post = (body: unknown, origin = "http://portal.test:3000") =>
      signingPostResponse(
        handle.db,
        clock,
        new Request(`http://portal.test:3000/sign/${token}/confirm`, {
          method: "POST",
          headers: {
            origin,
            "content-type": "application/json",
            "user-agent": "Test/1.0",
            "x-portway-peer-address": "198.51.100.4",
          },
          body: JSON.stringify(body),
        }),
        options,
      );
    const pdf = await signingPdfResponse(handle.db, clock, token);
    expect(pdf.headers.get("content-type")).toBe("application/pdf");
    expect(pdf.headers.get("content-security-policy")).toBe("sandbox");

    expect((await post({}, "https://evil.test")).status).toBe(403);
    const bad = await post({ signedName: "", signature: { kind: "DRAWN", pngBase64: "" }, agree: false });
    expect(bad.status).toBe(400);
    const fields = ((await bad.json()) as { issues: { field: string }[] }).issues.map((i) => i.field);
    expect(fields).toEqual(expect.arrayContaining(["signedName", "signature.pngBase64", "agree"]));

    // A 1x1 PNG, as a canvas exports it.
    const png = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
    const good = await post({ signedName: "Dana Harbor", signature: { kind: "DRAWN", pngBase64: png }, agree: true });
    expect(good.status).toBe(200);
    const again = await post({ signedName: "Dana Harbor", signature: { kind: "DRAWN", pngBase64: png }, agree: true });
    expect(again.status).toBe(410);
    expect(await again.json()).toEqual({
      issues: [{ field: "token", code: "SIGNING_LINK_USED", message: expect.any(String) }],
    });
    const [row] = await handle.db
      .select()
      .from(signingRequests)
      .where(eq(signingRequests.signerEmail, "http@example.com"));
    expect(row).toMatchObject({ status: "SIGNED", signerIp: "198.51.100.4", signerUserAgent: "Test/1.0" });
  });

  it("sends a link from a draft; signed after the draft was submitted, the letter lands on its order", async () => {
    const data = submissionData(tnRange("312286", 5950, 2), "SIGN-DRAFT-1");
    const draft = await saveDraft(handle.db, clock, acme, { data });
    await sendSigningLink(handle.db, clock, acme, { draftId: draft.id, ...signer, signerEmail: "draft@example.com" });
    const token = await tokenSentTo("draft@example.com");
    const submitted = await submitPortRequest(handle.db, clock, acme, { draftId: draft.id, submission: data });
    const draftOrderId = submitted.orders[0]?.id ?? "";
    const signed = await signWithLink(handle.db, clock, {
      token,
      ...browser,
      signing: { signedName: "Dana Harbor", signature: { kind: "TYPED", text: "Dana Harbor" }, agree: true },
    });
    const [document] = await handle.db.select().from(documents).where(eq(documents.id, signed.documentId));
    expect(document).toMatchObject({ orderId: draftOrderId, kind: "LOA" });
  });

  it("keeps no usable token in the mail queue: the link is drawn when the email is sent, a retry replaces it", async () => {
    const sent = await sendSigningLink(handle.db, clock, acme, {
      orderId,
      ...signer,
      signerEmail: "queue@example.com",
    });
    const queued = await signingEmailTo("queue@example.com");
    expect(queued.bodyText).toContain(`{{signing-link:${sent.id}}}`);
    expect(queued.bodyText).not.toMatch(/\/sign\//);
    const [waiting] = await handle.db.select().from(signingRequests).where(eq(signingRequests.id, sent.id));
    expect(waiting?.tokenSha256).toBeNull();

    // A failed attempt draws a token that never reached anyone; the retry draws another, and only it works.
    expect(await deliverSigningEmail("queue@example.com", { failWith: "421 try later" })).toBeNull();
    const failed = await signingEmailTo("queue@example.com");
    expect(failed).toMatchObject({ status: "PENDING", lastError: "421 try later" });
    const [afterFailure] = await handle.db.select().from(signingRequests).where(eq(signingRequests.id, sent.id));
    const token = await tokenSentTo("queue@example.com");
    const [afterSend] = await handle.db.select().from(signingRequests).where(eq(signingRequests.id, sent.id));
    expect(afterSend?.tokenSha256).toBe(createHash("sha256").update(token).digest("hex"));
    expect(afterSend?.tokenSha256).not.toBe(afterFailure?.tokenSha256);
    expect((await openSigningLink(handle.db, clock, token)).id).toBe(sent.id);

    const delivered = await signingEmailTo("queue@example.com");
    expect(delivered.status).toBe("SENT");
    expect(delivered.bodyText).toBe(queued.bodyText);
    expect(delivered.bodyText).not.toContain(token);
    const stored = await handle.db.select().from(emails).where(eq(emails.toAddress, "queue@example.com"));
    expect(JSON.stringify(stored)).not.toContain(token);

    // A link revoked before its email went out is never sent.
    const revoked = await sendSigningLink(handle.db, clock, acme, {
      orderId,
      ...signer,
      signerEmail: "late@example.com",
    });
    await revokeSigningLink(handle.db, clock, acme, { id: revoked.id });
    expect(await deliverSigningEmail("late@example.com")).toBeNull();
    expect(await signingEmailTo("late@example.com")).toMatchObject({
      status: "FAILED",
      lastError: expect.stringContaining("revoked"),
    });
    const [closed] = await handle.db.select().from(signingRequests).where(eq(signingRequests.id, revoked.id));
    expect(closed?.tokenSha256).toBeNull();
  });

  it("a signing email queued with its token before links were drawn at send time keeps no token once sent", async () => {
    const sent = await sendSigningLink(handle.db, clock, acme, {
      orderId,
      ...signer,
      signerEmail: "legacy@example.com",
    });
    // As such an email was written: the token in the body, its hash on the request.
    const token = "legacy-token-0123456789abcdefghijklmnopqrstuv";
    await handle.db
      .update(signingRequests)
      .set({ tokenSha256: tokenHash(token) })
      .where(eq(signingRequests.id, sent.id));
    const queued = await signingEmailTo("legacy@example.com");
    const legacyBody = queued.bodyText.replace(`{{signing-link:${sent.id}}}`, `{{customer}}/sign/${token}`);
    await handle.db.update(emails).set({ bodyText: legacyBody }).where(eq(emails.id, queued.id));

    expect(await deliverSigningEmail("legacy@example.com")).toContain(`https://portal.example/sign/${token}`);
    const kept = await signingEmailTo("legacy@example.com");
    expect(kept.status).toBe("SENT");
    expect(kept.bodyText).not.toContain(token);
    expect(kept.bodyText).toContain("{{customer}}/sign/(link removed once sent)");
    expect((await openSigningLink(handle.db, clock, token)).id).toBe(sent.id);
  });
});
