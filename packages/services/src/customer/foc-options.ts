import { type DbOrTx, findCarriersBySpids, findOrderRow } from "@portway/db";
import { type FocOptionsOrder, listFocOptions, PORT_TYPES, type PortType, requiredText } from "@portway/domain";
import { z } from "zod";
import { notFound } from "../errors";
import { loadRuleContext } from "../orders/rule-context";

export const focOptionsForSubmissionInput = z.object({
  /** The planned orders of a submission preview: each one's losing carrier and port type. */
  orders: z
    .array(z.object({ carrierSpid: requiredText(16, "The carrier SPID"), portType: z.enum(PORT_TYPES) }))
    .max(100),
});
export type FocOptionsForSubmissionInput = z.infer<typeof focOptionsForSubmissionInput>;

/**
 * The FOC dates and times a new submission may request: valid for every order it splits into, with each losing
 * carrier's holidays (company-wide and its own) and minimum interval. Without planned orders, an automated port.
 */
export async function getSubmissionFocOptions(db: DbOrTx, now: Date, input: FocOptionsForSubmissionInput) {
  const carriers = await findCarriersBySpids(
    db,
    input.orders.map((o) => o.carrierSpid),
  );
  const bySpid = new Map(carriers.map((c) => [c.spid, c]));
  const orders: FocOptionsOrder[] = [];
  for (const planned of input.orders) {
    const carrier = bySpid.get(planned.carrierSpid);
    orders.push({
      portType: planned.portType,
      ...(await loadRuleContext(db, carrier?.id ?? null, now)),
    });
  }
  const [first = { portType: "AUTOMATED", ...(await loadRuleContext(db, null, now)) }, ...rest] = orders;
  return { now, ...listFocOptions({ now: now.toISOString(), orders: [first, ...rest] }) };
}

/** The FOC dates and times an existing order may be rescheduled to (the customer's account only). */
export async function getOrderFocOptions(db: DbOrTx, now: Date, where: { orderId: string; accountId: string }) {
  const row = await findOrderRow(db, where);
  if (!row) {
    throw notFound("The order");
  }
  const portType: PortType = (row.portType as PortType | null) ?? (row.onNet ? "ON_NET" : "AUTOMATED");
  const order: FocOptionsOrder = {
    portType,
    ...(await loadRuleContext(db, row.carrierId, now)),
  };
  return { now, portType, ...listFocOptions({ now: now.toISOString(), orders: [order] }) };
}
