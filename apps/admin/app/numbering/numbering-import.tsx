"use client";

import type { AdminRouterOutputs } from "@portway/api/admin";
import { useMutation } from "@tanstack/react-query";
import { useState } from "react";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

type Report = AdminRouterOutputs["numbering"]["previewImport"];

function ChangeLine({ label, change }: { label: string; change: Report["summary"]["blocks"] }) {
  return (
    <li>
      {label}: {change.create} new, {change.update} changed, {change.unchanged} unchanged
    </li>
  );
}

function ImportReport({ report }: { report: Report }) {
  const bad = report.rows.filter((r) => r.status === "error");
  return (
    <section className="card import-report" aria-labelledby="report-heading" aria-live="polite">
      <h2 id="report-heading">
        {report.applied
          ? "Applied"
          : report.ok
            ? "Every row is valid: nothing written yet"
            : "Not applied: fix the rows below"}
      </h2>
      <p data-testid="import-summary">
        {report.summary.rows} rows: {report.summary.okRows} valid, {report.summary.errorRows} with errors.
        {report.applied ? " Written in one transaction." : " Nothing was written."}
      </p>
      <ul>
        <ChangeLine label="Carriers" change={report.summary.carriers} />
        <ChangeLine label="Rate centers" change={report.summary.rateCenters} />
        <ChangeLine label="Blocks" change={report.summary.blocks} />
      </ul>
      {report.fileIssues.length > 0 ? (
        <ul>
          {report.fileIssues.map((issue) => (
            <li key={`${issue.field}-${issue.code}`} className="form-error">
              {issue.message}
            </li>
          ))}
        </ul>
      ) : null}
      {bad.length > 0 ? (
        <table className="plain">
          <caption>Rows with errors</caption>
          <thead>
            <tr>
              <th scope="col">Row</th>
              <th scope="col">Block</th>
              <th scope="col">Column</th>
              <th scope="col">Problem</th>
            </tr>
          </thead>
          <tbody>
            {bad.flatMap((row) =>
              row.issues.map((issue) => (
                <tr key={`${row.row}-${issue.field}-${issue.code}`} className="row-error">
                  <td>{row.row}</td>
                  <td>{row.block ?? "—"}</td>
                  <td>{issue.field}</td>
                  <td>{issue.message}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}

/** Validate, then apply: the report comes back row by row before anything is written. */
export function NumberingImport() {
  const trpc = useTRPC();
  const [csv, setCsv] = useState("");
  const [validated, setValidated] = useState<string | null>(null);
  const preview = useMutation(trpc.numbering.previewImport.mutationOptions());
  const apply = useMutation(trpc.numbering.applyImport.mutationOptions());
  const report = apply.data ?? preview.data;
  const canApply = preview.data?.ok === true && validated === csv && !apply.data?.applied;
  return (
    <>
      <form
        className="card stack"
        onSubmit={(event) => {
          event.preventDefault();
          apply.reset();
          setValidated(csv);
          preview.mutate({ csv });
        }}
      >
        <label>
          CSV file{" "}
          <input
            type="file"
            accept=".csv,text/csv"
            onChange={async (event) => {
              const file = event.target.files?.[0];
              if (file) {
                setCsv(await file.text());
              }
            }}
          />
        </label>
        <label>
          CSV content
          <textarea name="csv" rows={8} value={csv} onChange={(event) => setCsv(event.target.value)} required />
        </label>
        <div className="report-actions">
          <button type="submit" disabled={preview.isPending || csv.trim() === ""}>
            Validate
          </button>
          <button type="button" disabled={!canApply || apply.isPending} onClick={() => apply.mutate({ csv })}>
            Apply import
          </button>
          {!canApply && !apply.data?.applied ? (
            <span className="hint">Apply is available once this exact file validated without errors.</span>
          ) : null}
        </div>
        <FieldError error={preview.error ?? apply.error} />
      </form>
      {report ? <ImportReport report={report} /> : null}
    </>
  );
}
