"use client";

import { DOCUMENT_KINDS, type DocumentKind, easternToInstant } from "@portway/domain";
import { formatEastern, keyed } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Field, FormErrors } from "@/components/field";
import { SigningLinks } from "@/components/signing-links";
import { errorsByField, messagesFor } from "@/lib/errors";
import { readFileBase64 } from "@/lib/files";
import { useTRPC } from "@/trpc/react";
import { RiskWarnings } from "./risk-warnings";
import { draftFromValues, STEPS, stepOfField, type WizardValues } from "./wizard-model";

function downloadBase64(fileName: string, mediaType: string, base64: string) {
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: mediaType }));
  const link = document.createElement("a");
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function DocumentsStep({
  draftId,
  authorizingPerson,
  onBack,
  onNext,
}: {
  draftId: string;
  /** The draft's LOA authorizing person: the one a signing link goes to, unless changed. */
  authorizingPerson: string;
  onBack: () => void;
  onNext: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const documents = useQuery(trpc.drafts.documents.queryOptions({ draftId }));
  const generate = useMutation(trpc.drafts.generateLoa.mutationOptions());
  const upload = useMutation(trpc.drafts.uploadDocument.mutationOptions());
  const [kind, setKind] = useState<DocumentKind>("LOA");
  const [signedOn, setSignedOn] = useState("");
  const [file, setFile] = useState<File | null>(null);
  const [local, setLocal] = useState<Record<string, string[]>>({});
  const server = upload.error ? errorsByField(upload.error) : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Record<string, string[]> = {};
    if (!file) {
      problems.file = ["Choose a file to upload."];
    }
    if (kind === "LOA" && !signedOn) {
      problems.signedAt = ["Enter the date the end user signed the LOA (it must be within 30 days of submitting)."];
    }
    setLocal(problems);
    if (!file || Object.keys(problems).length > 0) {
      return;
    }
    try {
      const signedAt = signedOn ? (easternToInstant(signedOn, "12:00") ?? undefined) : undefined;
      await upload.mutateAsync({
        draftId,
        kind,
        fileName: file.name,
        contentBase64: await readFileBase64(file),
        ...(signedAt ? { signedAt } : {}),
      });
      setFile(null);
      await queryClient.invalidateQueries({ queryKey: trpc.drafts.documents.queryKey({ draftId }) });
    } catch {
      // Shown next to the fields.
    }
  };

  return (
    <div className="card">
      <p>
        Off-net and project ports need a letter of authorization (LOA) signed by the end user within 30 days. Send it to
        the authorizing person to sign online (no account needed), or download one filled in from this draft, have it
        signed, and upload the signed copy. Files are checked by their content.
      </p>
      <p>
        <button
          type="button"
          className="button--quiet"
          disabled={generate.isPending}
          onClick={async () => {
            try {
              const loa = await generate.mutateAsync({ draftId });
              downloadBase64(loa.fileName, loa.mediaType, loa.contentBase64);
            } catch {
              // Shown below.
            }
          }}
        >
          Download the LOA to sign (PDF)
        </button>
      </p>
      <FormErrors messages={generate.error ? Object.values(errorsByField(generate.error)).flat() : []} />
      <SigningLinks draftId={draftId} authorizingPerson={authorizingPerson} readOnly={false} />
      <h3>Uploaded documents</h3>
      {documents.data && documents.data.length > 0 ? (
        <ul className="item-list" aria-label="Uploaded documents">
          {documents.data.map((doc) => (
            <li key={doc.id}>
              {doc.fileName}{" "}
              <span className="muted">
                ({doc.kind}
                {doc.signedAt ? `, signed ${formatEastern(doc.signedAt)}` : ""})
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">None yet.</p>
      )}
      <form onSubmit={submit} noValidate aria-label="Upload a document">
        <div className="form-grid">
          <label>
            Kind
            <select value={kind} onChange={(e) => setKind(e.target.value as DocumentKind)}>
              {DOCUMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {k.replaceAll("_", " ")}
                </option>
              ))}
            </select>
          </label>
          {kind === "LOA" ? (
            <Field label="Signed on (date)" errors={[...(local.signedAt ?? []), ...messagesFor(server, "signedAt")]}>
              {(ids) => (
                <input
                  id={ids.id}
                  type="date"
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                  value={signedOn}
                  onChange={(e) => setSignedOn(e.target.value)}
                />
              )}
            </Field>
          ) : null}
          <Field
            label="File"
            hint="PDF, PNG, JPG, TIFF, TXT, CSV, DOCX or XLSX; at most 3 MB."
            errors={[...(local.file ?? []), ...messagesFor(server, "file"), ...(server._form ?? [])]}
          >
            {(ids) => (
              <input
                id={ids.id}
                type="file"
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />
            )}
          </Field>
        </div>
        <button type="submit" disabled={upload.isPending}>
          {upload.isPending ? "Uploading…" : "Upload"}
        </button>
      </form>
      <div className="wizard__buttons">
        <button type="button" className="button--quiet" onClick={onBack}>
          Back
        </button>
        <button type="button" onClick={onNext}>
          Continue
        </button>
      </div>
    </div>
  );
}

export function ReviewStep({
  draftId,
  values,
  onGoTo,
}: {
  draftId: string;
  values: WizardValues;
  onGoTo: (step: number) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const submission = draftFromValues(values);
  const preview = useQuery(trpc.submissions.preview.queryOptions({ draftId, submission }));
  const submit = useMutation(trpc.submissions.submit.mutationOptions());
  const server = submit.error ? errorsByField(submit.error) : {};
  const data = preview.data;
  const hasProject = data?.orders.some((o) => o.portType === "PROJECT") ?? false;
  return (
    <div className="card">
      {preview.isPending ? <p>Checking the submission…</p> : null}
      {data ? (
        <>
          <p>
            {submission.tns?.length ?? 0} number{submission.tns?.length === 1 ? "" : "s"} in{" "}
            <strong>
              {data.orders.length} order{data.orders.length === 1 ? "" : "s"}
            </strong>
            {data.orders.length > 1
              ? ": they span several losing carriers or both on-net and off-net, so they are split and created together as one port request."
              : "."}{" "}
            The port type is decided by Portway from the numbers.
          </p>
          {hasProject ? (
            <div className="banner banner--warn" role="note">
              <strong>Project port.</strong> An order above the automated limit (more than 600 off-net or 999 on-net
              numbers) becomes a project port, worked by hand by the porting team. Nothing more is needed from you;
              porting times may be longer (earliest FOC 10 business days).
            </div>
          ) : null}
          <table className="plain-table">
            <caption>Orders this submission creates</caption>
            <thead>
              <tr>
                <th scope="col">Losing carrier</th>
                <th scope="col">Network</th>
                <th scope="col">Port type</th>
                <th scope="col">Numbers</th>
                <th scope="col">Earliest FOC</th>
                <th scope="col">Warnings</th>
              </tr>
            </thead>
            <tbody>
              {data.orders.map((order) => (
                <tr key={`${order.carrierSpid}-${order.onNet}-${order.tns[0]}`}>
                  <td>
                    {order.carrierName} ({order.carrierSpid})
                  </td>
                  <td>{order.onNet ? "On-net" : "Off-net (porting partner)"}</td>
                  <td data-testid="review-port-type">{order.portType}</td>
                  <td>{order.tns.length}</td>
                  <td>{order.earliestFocDate ?? "—"}</td>
                  <td>{order.warnings.map((w) => w.message).join(" ") || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <RiskWarnings
            orders={data.orders.map((o) => ({ carrierSpid: o.carrierSpid, portType: o.portType }))}
            accountNumber={values.accountNumber}
            pin={values.pin}
          />
          {(data.warnings ?? []).length > 0 ? (
            <ul className="field-warnings" aria-label="Warnings">
              {keyed((data.warnings ?? []).slice(0, 20), (w) => `${w.input}-${w.code}`).map(({ key, item: w }) => (
                <li key={key}>
                  {w.input}: {w.message}
                </li>
              ))}
            </ul>
          ) : null}
          {data.errors.length > 0 ? (
            <div className="banner banner--bad" role="alert">
              <p>
                <strong>Fix these before submitting:</strong>
              </p>
              <ul>
                {keyed(data.errors.slice(0, 50), (e) => `${e.field}-${e.code}-${e.message}`).map(
                  ({ key, item: error }) => (
                    <li key={key}>
                      {error.message}{" "}
                      <button type="button" className="button--quiet" onClick={() => onGoTo(stepOfField(error.field))}>
                        Go to {STEPS[stepOfField(error.field)]}
                      </button>
                    </li>
                  ),
                )}
                {data.errors.length > 50 ? <li>…and {data.errors.length - 50} more</li> : null}
              </ul>
            </div>
          ) : (
            <p className="banner banner--good">Everything checks out. Submitting sends the orders right away.</p>
          )}
        </>
      ) : null}
      <FormErrors
        messages={Object.entries(server).map(([field, m]) => (field === "_form" ? m.join(" ") : `${m.join(" ")}`))}
      />
      <div className="wizard__buttons">
        <button type="button" className="button--quiet" onClick={() => onGoTo(3)}>
          Back
        </button>
        <button
          type="button"
          disabled={!data?.ok || submit.isPending}
          onClick={async () => {
            try {
              const result = await submit.mutateAsync({ draftId, submission });
              const first = result.orders[0];
              router.push(
                result.orders.length === 1 && first
                  ? `/orders/${first.id}`
                  : `/orders?ref=${encodeURIComponent(submission.customerOrderRef ?? "")}`,
              );
            } catch {
              // Shown above.
            }
          }}
        >
          {submit.isPending ? "Submitting…" : "Submit port-in"}
        </button>
      </div>
    </div>
  );
}
