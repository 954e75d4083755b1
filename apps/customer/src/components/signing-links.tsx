"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useRef, useState } from "react";
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
 * lands on the order (or the draft, where it counts at submission). Lists the links sent, each revocable while it
 * waits; while one waits the list is read again now and then, so a signature shows without reloading.
 */
export function SigningLinks({
  orderId,
  draftId,
  authorizingPerson,
  readOnly,
}: {
  authorizingPerson: string;
  readOnly: boolean;
} & ({ orderId: string; draftId?: undefined } | { draftId: string; orderId?: undefined })) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const target = orderId ? { orderId } : { draftId: draftId ?? "" };
  const links = useQuery({
    ...trpc.signing.list.queryOptions(target),
    refetchInterval: (query) => ((query.state.data ?? []).some((l) => l.status === "PENDING") ? 5000 : false),
  });
  const send = useMutation(trpc.signing.send.mutationOptions());
  const revoke = useMutation(trpc.signing.revoke.mutationOptions());
  const [name, setName] = useState(authorizingPerson);
  const [email, setEmail] = useState("");
  const [title, setTitle] = useState("");
  const [sentTo, setSentTo] = useState<string | null>(null);
  const refreshTarget = async () => {
    await queryClient.invalidateQueries({
      queryKey: orderId
        ? trpc.orders.get.queryKey({ orderId })
        : trpc.drafts.documents.queryKey({ draftId: draftId ?? "" }),
    });
  };
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.signing.list.queryKey(target) });
    await refreshTarget();
  };
  // A link signed meanwhile brings its signed LOA: the order's (or draft's) documents are read again.
  const signed = (links.data ?? []).filter((l) => l.status === "SIGNED").length;
  const seenSigned = useRef<number | null>(null);
  useEffect(() => {
    if (!links.isSuccess) {
      return;
    }
    if (seenSigned.current !== null && signed > seenSigned.current) {
      void refreshTarget();
    }
    seenSigned.current = signed;
  });
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSentTo(null);
    try {
      const sent = await send.mutateAsync({
        ...target,
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
