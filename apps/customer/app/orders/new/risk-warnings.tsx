"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Rejection-risk warnings and FOC expectations of the planned orders, from the carrier statistics service. */
export function RiskWarnings({
  orders,
  accountNumber,
  pin,
}: {
  orders: { carrierSpid: string; portType: string }[];
  accountNumber: string;
  pin: string;
}) {
  const trpc = useTRPC();
  const risk = useQuery(trpc.foc.risk.queryOptions({ orders, accountNumber, pin }));
  const warnings = risk.data?.warnings ?? [];
  const expectations = (risk.data?.expectations ?? []).flatMap((e) => (e.message ? [e] : []));
  if (warnings.length === 0 && expectations.length === 0) {
    return null;
  }
  return (
    <div className="banner banner--warn" role="note" aria-label="Rejection risk">
      {warnings.length > 0 ? (
        <ul>
          {warnings.map((w) => (
            <li key={`${w.carrierName}-${w.reason}-${w.source}`} data-testid="risk-warning">
              <strong>{w.field}</strong>: {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      {expectations.map((e) => (
        <p key={e.carrierSpid} data-testid="foc-expectation">
          {e.message}
        </p>
      ))}
    </div>
  );
}
