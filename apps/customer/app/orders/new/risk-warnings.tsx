"use client";

import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

export interface RiskOrder {
  carrierSpid: string;
  portType: string;
}

/** The rejection-risk warnings and carrier expectations of planned (or existing) orders, from one service. */
export function useRisk(orders: RiskOrder[], accountNumber: string, pin: string, enabled = true) {
  const trpc = useTRPC();
  return useQuery({
    ...trpc.foc.risk.queryOptions({ orders, accountNumber, pin }),
    enabled: enabled && orders.length > 0,
  });
}

/**
 * The first FOC date every planned order's carrier usually meets (the latest of their "likely moved before" dates):
 * earlier dates are marked in the FOC picker.
 */
export function latestLikelyMovedBefore(expectations: readonly { likelyMovedBefore: string | null }[]): string | null {
  return expectations.reduce<string | null>(
    (latest, e) => (e.likelyMovedBefore && (!latest || e.likelyMovedBefore > latest) ? e.likelyMovedBefore : latest),
    null,
  );
}

/** Rejection-risk warnings and FOC expectations of the orders (warnings, never errors); only expectations if asked. */
export function RiskWarnings({
  orders,
  accountNumber,
  pin,
  expectationsOnly = false,
}: {
  orders: RiskOrder[];
  accountNumber: string;
  pin: string;
  expectationsOnly?: boolean;
}) {
  const risk = useRisk(orders, accountNumber, pin);
  const warnings = expectationsOnly ? [] : (risk.data?.warnings ?? []);
  const expectations = (risk.data?.expectations ?? []).flatMap((e) => (e.message ? [e] : []));
  if (warnings.length === 0 && expectations.length === 0) {
    return null;
  }
  return (
    <div
      className={`banner ${warnings.length > 0 ? "banner--warn" : "banner--info"}`}
      role="note"
      aria-label={warnings.length > 0 ? "Rejection risk" : "Carrier expectations"}
    >
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
