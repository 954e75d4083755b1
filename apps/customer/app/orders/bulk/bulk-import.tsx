"use client";

import { useMutation, useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field } from "@/components/field";
import { errorsByField, messagesFor } from "@/lib/errors";
import { readFileBase64 } from "@/lib/files";
import { useTRPC } from "@/trpc/react";

type Mode = "SUBMIT" | "DRAFTS";

/** Choose a CSV or XLSX file, see every row's errors and the resulting orders, then submit or save as drafts. */
export function BulkImport() {
  const trpc = useTRPC();
  const template = useQuery(trpc.bulk.template.queryOptions());
  const preview = useMutation(trpc.bulk.preview.mutationOptions());
  const submit = useMutation(trpc.bulk.submit.mutationOptions());
  const [file, setFile] = useState<File | null>(null);
  const [reference, setReference] = useState("");
  const [local, setLocal] = useState<string[]>([]);
  const input = async () => {
    if (!file) {
      setLocal(["Choose a file first."]);
      return null;
    }
    setLocal([]);
    return { fileName: file.name, contentBase64: await readFileBase64(file), reference };
  };
  const check = async (event: FormEvent) => {
    event.preventDefault();
    submit.reset();
    const body = await input();
    if (body) {
      preview.mutate(body);
    }
  };
  const create = async (mode: Mode) => {
    const body = await input();
    if (body) {
      submit.mutate({ ...body, mode });
    }
  };
  const server = preview.error ? errorsByField(preview.error) : {};
  const result = preview.data;
  const templateHref = template.data
    ? `data:text/csv;charset=utf-8,${encodeURIComponent(template.data.csv)}`
    : undefined;
  return (
    <>
      <section className="card" aria-labelledby="bulk-file">
        <h2 id="bulk-file">Your file</h2>
        <p>
          {templateHref ? (
            <a href={templateHref} download={template.data?.fileName}>
              Download the template (CSV)
            </a>
          ) : null}{" "}
          <span className="muted">— fill it in a spreadsheet and save it as CSV or XLSX (at most 20,000 rows).</span>
        </p>
        <form onSubmit={check} noValidate aria-label="Check the file" className="form-grid">
          <Field label="Customer order reference" errors={messagesFor(server, "reference")}>
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                value={reference}
                onChange={(e) => setReference(e.target.value)}
              />
            )}
          </Field>
          <Field
            label="CSV or XLSX file"
            errors={[
              ...local,
              ...messagesFor(server, "file"),
              ...messagesFor(server, "contentBase64"),
              ...(server._form ?? []),
            ]}
          >
            {(ids) => (
              <input
                id={ids.id}
                type="file"
                accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
                aria-describedby={ids.describedBy}
                onChange={(e) => {
                  setFile(e.target.files?.[0] ?? null);
                  preview.reset();
                  submit.reset();
                }}
              />
            )}
          </Field>
          <div>
            <button type="submit" disabled={preview.isPending}>
              {preview.isPending ? "Checking…" : "Check the file"}
            </button>
          </div>
        </form>
      </section>
      {result ? (
        <section className="card" aria-labelledby="bulk-preview">
          <h2 id="bulk-preview">
            {result.ok
              ? `${result.rowCount} rows, ${result.accounts} accounts, ${result.orders.length} orders`
              : `${result.issues.length} problems in ${result.rowCount} rows — nothing was created`}
          </h2>
          {result.issues.length > 0 ? (
            <table className="data-table" aria-label="Row errors">
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {result.issues.map((issue) => (
                  <tr key={`${issue.line}-${issue.field}-${issue.code}`}>
                    <td>{issue.line}</td>
                    <td>{issue.field}</td>
                    <td>{issue.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.ok ? (
            <p>
              Submitting creates them together as one port request; every order carries the reference{" "}
              <strong>{result.reference}</strong>. Saved as drafts instead, each LSP account is one draft.
            </p>
          ) : null}
          {result.orders.length > 0 ? (
            <table className="data-table" aria-label="Resulting orders">
              <thead>
                <tr>
                  <th scope="col">LSP account</th>
                  <th scope="col">Losing carrier</th>
                  <th scope="col">Port type</th>
                  <th scope="col">Numbers</th>
                </tr>
              </thead>
              <tbody>
                {result.orders.map((order) => (
                  <tr key={`${order.group}-${order.carrierName}-${order.portType}`}>
                    <td>
                      {order.group} (BTN {order.btn})
                    </td>
                    <td>{order.carrierName}</td>
                    <td>{order.portType}</td>
                    <td>{order.tnCount}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : null}
          {result.ok && !submit.data ? (
            <p>
              <button type="button" disabled={submit.isPending} onClick={() => create("SUBMIT")}>
                Submit {result.orders.length} orders
              </button>{" "}
              <button
                type="button"
                className="button--quiet"
                disabled={submit.isPending}
                onClick={() => create("DRAFTS")}
              >
                Save as drafts
              </button>
            </p>
          ) : null}
          {submit.error ? <p role="alert">{submit.error.message}</p> : null}
          {submit.data ? (
            <div role="status">
              {submit.data.mode === "SUBMIT" ? (
                <>
                  <p>
                    {submit.data.created
                      ? `${submit.data.orders.length} orders submitted in one port request`
                      : `Already submitted: the port request with this reference has ${submit.data.orders.length} orders`}{" "}
                    (reference {result.reference}):
                  </p>
                  <ul className="item-list">
                    {submit.data.orders.map((order, index) => (
                      <li key={order.id}>
                        <a href={`/orders/${order.id}`}>
                          Order {index + 1} of {submit.data.orders.length} ({order.id.slice(0, 8)})
                        </a>
                      </li>
                    ))}
                  </ul>
                  <p>
                    <a href={`/orders?ref=${encodeURIComponent(result.reference)}`}>See them in your orders</a>
                  </p>
                </>
              ) : (
                <p>{submit.data.drafts.length} drafts saved; find them on your home page.</p>
              )}
            </div>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
