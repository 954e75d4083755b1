"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field } from "@/components/field";
import { errorsByField, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";

const statusLabels: Record<string, string> = {
  PENDING: "waiting for the signature",
  SIGNED: "signed",
  REVOKED: "revoked",
  EXPIRED: "expired",
};

/**
 * "Send for signature": the authorizing person gets a single-use link by email, signs online, and the signed LOA
 * lands on the order. Lists the links sent, each revocable while it waits.
 */
export function SigningLinks({
  orderId,
  authorizingPerson,
  readOnly,
}: {
  orderId: string;
  authorizingPerson: string;
  readOnly: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const links = useQuery(trpc.signing.list.queryOptions({ orderId }));
  const send = useMutation(trpc.signing.send.mutationOptions());
  const revoke = useMutation(trpc.signing.revoke.mutationOptions());
  const [name, setName] = useState(authorizingPerson);
  const [email, setEmail] = useState("");
  const [title, setTitle] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.signing.list.queryKey({ orderId }) });
    await queryClient.invalidateQueries({ queryKey: trpc.orders.get.queryKey({ orderId }) });
  };
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    try {
      const sent = await send.mutateAsync({
        orderId,
        signerName: name,
        signerEmail: email,
        ...(title.trim() ? { signerTitle: title } : {}),
      });
      setSentTo(sent.signerEmail);
      setEmail("");
      await refresh();
    } catch {
      // Shown below.
    }
  };
  const server = send.error ? errorsByField(send.error) : {};
  const rows = links.data ?? [];
  return (
    <div className="signing-links">
      <h3 id="signing-heading">Signature by link</h3>
      {rows.length > 0 ? (
        <ul className="item-list" data-testid="signing-links">
          {rows.map((link) => (
            <li key={link.id}>
              {link.signerName} &lt;{link.signerEmail}&gt; · sent {formatEastern(link.createdAt)} ·{" "}
              <strong>{statusLabels[link.status] ?? link.status}</strong>
              {link.status === "SIGNED" && link.signedAt ? ` ${formatEastern(link.signedAt)}` : ""}
              {link.status === "PENDING" && !readOnly ? (
                <>
                  {" "}
                  <button
                    type="button"
                    className="button--quiet"
                    disabled={revoke.isPending}
                    onClick={async () => {
                      await revoke.mutateAsync({ id: link.id });
                      await refresh();
                    }}
                  >
                    Revoke the link
                  </button>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {sentTo ? <p role="status">Signing link sent to {sentTo}.</p> : null}
      {revoke.error ? <p role="alert">{revoke.error.message}</p> : null}
      {readOnly ? null : (
        <form onSubmit={submit} noValidate aria-label="Send the LOA for signature" className="form-grid">
          <Field label="Authorizing person" errors={messagesFor(server, "signerName")}>
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                value={name}
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
          <Field label="Their email" errors={messagesFor(server, "signerEmail")}>
            {(ids) => (
              <input
                id={ids.id}
                type="email"
                aria-describedby={ids.describedBy}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field label="Their title (optional)" errors={messagesFor(server, "signerTitle")}>
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                value={title}
                onChange={(e) => setTitle(e.target.value)}
              />
            )}
          </Field>
          <div>
            {server._form ? <p role="alert">{server._form.join(" ")}</p> : null}
            <button type="submit" disabled={send.isPending}>
              Send for signature
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
