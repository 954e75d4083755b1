"use client";

import type { CustomerRouterOutputs } from "@portway/api/customer";
import { parseTns } from "@portway/domain";
import { keyed, TnInput } from "@portway/ui";
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { type FormEvent, useState } from "react";
import { Field, FormErrors } from "@/components/field";
import { errorsByField } from "@/lib/errors";
import { useTRPC, useTRPCClient } from "@/trpc/react";
import { RiskWarnings } from "../orders/new/risk-warnings";

type CheckResult = CustomerRouterOutputs["numbers"]["check"];
type CheckedNumber = CheckResult["numbers"][number];

/** Numbers per request: large inputs go in parts, so the page can show how far it got. */
const CHUNK = 2_000;
const SHOWN = 200;

/** The cells of a CSV that look like numbers (headers and names are left out). */
function numbersOfCsv(text: string): string {
  return text
    .split(/\r?\n/)
    .flatMap((line) => line.split(/[,;\t]/))
    .map((cell) => cell.replace(/^"|"$/g, "").trim())
    .filter((cell) => /\d{3}/.test(cell))
    .join("\n");
}

function statusOf(n: CheckedNumber): string {
  if (!n.valid) {
    return `Invalid: ${n.invalidReason?.message ?? ""}`;
  }
  if (!n.portable) {
    return `Not portable: ${n.notPortableReason?.message ?? ""}`;
  }
  return "Portable";
}

export function CheckNumbers() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const router = useRouter();
  const [text, setText] = useState("");
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [result, setResult] = useState<{ numbers: CheckedNumber[]; grouping: CheckResult["grouping"] } | null>(null);
  const [problemsOnly, setProblemsOnly] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const startDraft = useMutation(trpc.drafts.save.mutationOptions());

  const run = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    const parsed = parseTns(text);
    // Invalid entries are answered in the browser already; the valid ones go to the server in parts.
    const tns = parsed.tns;
    const invalid: CheckedNumber[] = parsed.errors.map((e) => ({
      tn: null,
      input: e.input,
      valid: false,
      invalidReason: { code: e.code, message: e.message },
      portable: false,
      notPortableReason: null,
      onNet: null,
      carrier: null,
      rateCenter: null,
      requiresAccountNumber: false,
      requiresPin: false,
      portType: null,
      earliestFocDate: null,
      activeOrderId: null,
    }));
    if (tns.length === 0) {
      setResult({ numbers: invalid, grouping: { orders: [], totalTns: 0, errors: [] } });
      return;
    }
    try {
      const numbers: CheckedNumber[] = [];
      let grouping: CheckResult["grouping"] = { orders: [], totalTns: 0, errors: [] };
      setProgress({ done: 0, total: tns.length });
      for (let i = 0; i < tns.length; i += CHUNK) {
        const part = await client.numbers.check.mutate({ input: tns.slice(i, i + CHUNK).join("\n") });
        numbers.push(...part.numbers);
        grouping = part.grouping;
        setProgress({ done: Math.min(tns.length, i + CHUNK), total: tns.length });
      }
      if (tns.length > CHUNK) {
        // The grouping proposal needs every portable number at once.
        const portable = numbers.filter((n) => n.portable && n.tn).map((n) => n.tn as string);
        grouping =
          portable.length > 0
            ? (await client.numbers.check.mutate({ input: portable.join("\n") })).grouping
            : { orders: [], totalTns: 0, errors: [] };
      }
      setResult({ numbers: [...invalid, ...numbers], grouping });
    } catch (caught) {
      setError(caught);
    } finally {
      setProgress(null);
    }
  };

  const portable = result?.numbers.filter((n) => n.portable && n.tn).map((n) => n.tn as string) ?? [];
  const rows = (result?.numbers ?? []).filter((n) => !problemsOnly || !n.portable);
  const summary = result
    ? {
        total: result.numbers.length,
        portable: portable.length,
        invalid: result.numbers.filter((n) => !n.valid).length,
        notPortable: result.numbers.filter((n) => n.valid && !n.portable).length,
      }
    : null;

  return (
    <>
      <form className="card" onSubmit={run} noValidate aria-label="Portability check">
        <TnInput label="Numbers to check" value={text} onChange={setText} rows={8} />
        <Field label="Or upload a CSV file" hint="Any column with numbers is read; headers are skipped.">
          {(ids) => (
            <input
              id={ids.id}
              type="file"
              accept=".csv,.txt,text/csv,text/plain"
              aria-describedby={ids.describedBy}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (file) {
                  setText(numbersOfCsv(await file.text()));
                }
              }}
            />
          )}
        </Field>
        <button type="submit" disabled={progress !== null}>
          Check numbers
        </button>
        {progress ? (
          <p role="status">
            <label>
              Checking {progress.done.toLocaleString("en-US")} of {progress.total.toLocaleString("en-US")} numbers{" "}
              <progress value={progress.done} max={progress.total} />
            </label>
          </p>
        ) : null}
        <FormErrors messages={error ? Object.values(errorsByField(error)).flat() : []} />
      </form>
      {result && summary ? (
        <>
          <section className="card" aria-labelledby="check-summary">
            <h2 id="check-summary">Results</h2>
            <p role="status">
              {summary.total.toLocaleString("en-US")} checked:{" "}
              <strong>{summary.portable.toLocaleString("en-US")} portable</strong>,{" "}
              {summary.notPortable.toLocaleString("en-US")} not portable, {summary.invalid.toLocaleString("en-US")}{" "}
              invalid.
            </p>
            <h3>Proposed orders</h3>
            {result.grouping.orders.length === 0 ? (
              <p className="muted">No portable numbers to group.</p>
            ) : (
              <table className="plain-table">
                <caption className="sr-only">Proposed orders</caption>
                <thead>
                  <tr>
                    <th scope="col">Losing carrier</th>
                    <th scope="col">Network</th>
                    <th scope="col">Port type</th>
                    <th scope="col">Numbers</th>
                    <th scope="col">Needs</th>
                    <th scope="col">Earliest FOC</th>
                  </tr>
                </thead>
                <tbody>
                  {result.grouping.orders.map((o) => (
                    <tr key={`${o.carrierSpid}-${o.onNet}-${o.tns[0]}`}>
                      <td>
                        {o.carrierName ?? "Unknown"} ({o.carrierSpid}, {o.carrierType ?? "?"})
                      </td>
                      <td>{o.onNet ? "On-net" : "Off-net"}</td>
                      <td>{o.portType}</td>
                      <td>{o.tnCount.toLocaleString("en-US")}</td>
                      <td>
                        {[o.requiresAccountNumber ? "account number" : "", o.requiresPin ? "PIN" : ""]
                          .filter(Boolean)
                          .join(", ") || "—"}
                      </td>
                      <td>{o.earliestFocDate}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <RiskWarnings
              orders={result.grouping.orders
                .filter((o) => !o.onNet && o.carrierSpid)
                .map((o) => ({ carrierSpid: o.carrierSpid as string, portType: o.portType }))}
              accountNumber=""
              pin=""
              expectationsOnly
            />
            {result.grouping.errors.length > 0 ? (
              <ul className="field-errors">
                {result.grouping.errors.map((e) => (
                  <li key={`${e.code}-${e.message}`}>{e.message}</li>
                ))}
              </ul>
            ) : null}
            <button
              type="button"
              disabled={portable.length === 0 || startDraft.isPending}
              onClick={async () => {
                const draft = await startDraft.mutateAsync({ data: { tns: portable } });
                router.push(`/orders/new?draft=${draft.id}&step=1`);
              }}
            >
              Start an order from the {portable.length.toLocaleString("en-US")} portable numbers
            </button>
            <FormErrors messages={startDraft.error ? Object.values(errorsByField(startDraft.error)).flat() : []} />
          </section>
          <section className="card" aria-labelledby="check-numbers">
            <h2 id="check-numbers">Per number</h2>
            <label className="checkbox">
              <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> Show
              only numbers that cannot be ported
            </label>
            <table className="plain-table">
              <caption className="sr-only">Result per number</caption>
              <thead>
                <tr>
                  <th scope="col">Number</th>
                  <th scope="col">Result</th>
                  <th scope="col">Losing carrier</th>
                  <th scope="col">Rate center</th>
                  <th scope="col">Network</th>
                  <th scope="col">Earliest FOC</th>
                </tr>
              </thead>
              <tbody>
                {keyed(rows.slice(0, SHOWN), (n) => n.tn ?? n.input).map(({ key, item: n }) => (
                  <tr key={key}>
                    <td>{n.tn ?? n.input}</td>
                    <td>{statusOf(n)}</td>
                    <td>{n.carrier ? `${n.carrier.name} (${n.carrier.type})` : "—"}</td>
                    <td>{n.rateCenter ? `${n.rateCenter.name}, ${n.rateCenter.state}` : "—"}</td>
                    <td>{n.onNet === null ? "—" : n.onNet ? "On-net" : "Off-net"}</td>
                    <td>{n.earliestFocDate ?? "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {rows.length > SHOWN ? (
              <p className="muted">
                Showing the first {SHOWN} of {rows.length.toLocaleString("en-US")}.
              </p>
            ) : null}
          </section>
        </>
      ) : null}
    </>
  );
}
