import { openSigningLink, ServiceError } from "@portway/services";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { createRequestContext } from "@/server/runtime";
import { SignForm } from "./sign-form";

export const dynamic = "force-dynamic";
export const metadata: Metadata = {
  title: "Sign the letter of authorization · Portway",
  robots: { index: false, follow: false },
  referrer: "no-referrer",
};

const eastern = new Intl.DateTimeFormat("en-US", {
  dateStyle: "long",
  timeStyle: "short",
  timeZone: "America/New_York",
});

/** The public signing page of an LOA signing link: no account, the link's token is the key (SPEC 10). */
export default async function SignPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const ctx = await createRequestContext(await headers());
  let link: Awaited<ReturnType<typeof openSigningLink>>;
  try {
    link = await openSigningLink(ctx.db, ctx.clock, token);
  } catch (error) {
    if (error instanceof ServiceError) {
      return (
        <main className="sign-page">
          <h1>Letter of authorization</h1>
          <p role="alert" className="sign-page__closed" data-testid="signing-closed">
            {error.message}
          </p>
        </main>
      );
    }
    throw error;
  }
  return (
    <main className="sign-page">
      <h1>Sign the letter of authorization</h1>
      <p>
        {link.signerName}, you are asked to authorize moving the telephone numbers listed in this letter to a new
        service provider. Read the letter, then sign below.
      </p>
      <p>
        <a className="button" href={`/sign/${encodeURIComponent(token)}/loa`} target="_blank" rel="noopener">
          Read the letter (PDF)
        </a>
      </p>
      <p className="muted">
        This link works once, until {eastern.format(link.expiresAt)} ET. Document fingerprint (SHA-256):{" "}
        <code className="sign-page__hash">{link.unsignedSha256}</code>
      </p>
      <SignForm token={token} signerName={link.signerName} signerTitle={link.signerTitle ?? ""} />
    </main>
  );
}
