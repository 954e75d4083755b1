import { type Db, type DbOrTx, findOrderWithPon, nextPonSequence } from "@portway/db";
import {
  createPon,
  e164Schema,
  easternDate,
  idInput,
  isoInstantSchema,
  normalizePon,
  type OrderEvent,
  requiredText,
  textInput,
} from "@portway/domain";
import { z } from "zod";
import type { Clock } from "../clock";
import { invalid } from "../errors";
import type { ActingAs } from "../orders/order-actions";
import { applyEventToOrder, type LoadedOrder, loadOrderForUpdate } from "../orders/order-store";
import { uniqueViolation } from "../orders/unique-violation";
import { type AuditAction, recordAudit } from "./audit";

const orderId = idInput("The order id");

/**
 * What an analyst records on a project port (or for the LSP on a manual request). A project port's PON is the
 * partner's 9-digit parent order ID when the team placed it with the partner; without one, Portway assigns its own.
 */
export const recordEventInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("PON"), orderId, pon: requiredText(32, "The PON").optional() }),
  z.object({ type: z.literal("FOC"), orderId, focAt: isoInstantSchema }),
  z.object({
    type: z.literal("REJECTION"),
    orderId,
    rejections: z
      .array(z.object({ code: requiredText(40, "The code"), text: textInput(2000, "The text").optional() }))
      .min(1, { message: "Record at least one rejection code." }),
  }),
  z.object({
    type: z.literal("ACTIVATION"),
    orderId,
    tns: z.array(e164Schema).min(1, { message: "Choose the activated numbers." }).max(5_000),
  }),
  z.object({ type: z.literal("CSR_UNAVAILABLE"), orderId }),
  z.object({ type: z.literal("SUPP_ACCEPTED"), orderId, focAt: isoInstantSchema.optional() }),
  z.object({
    type: z.literal("SUPP_REFUSED"),
    orderId,
    reason: textInput(2000, "The reason").min(1, { message: "Say why the LSP refused." }),
  }),
]);
export type RecordEventInput = z.infer<typeof recordEventInput>;

const auditActionOf: Record<RecordEventInput["type"], AuditAction> = {
  PON: "ORDER_PON",
  FOC: "ORDER_FOC",
  REJECTION: "ORDER_REJECTION",
  ACTIVATION: "ORDER_ACTIVATION",
  CSR_UNAVAILABLE: "ORDER_CSR_UNAVAILABLE",
  SUPP_ACCEPTED: "ORDER_SUPP_ACCEPTED",
  SUPP_REFUSED: "ORDER_SUPP_REFUSED",
};

function orderEventOf(input: RecordEventInput): OrderEvent {
  switch (input.type) {
    case "PON":
      return { type: "PARTNER_ACCEPTED", pon: input.pon ?? "" };
    case "FOC":
      return { type: "FOC_RECEIVED", focAt: input.focAt };
    case "REJECTION":
      return { type: "REJECTED", rejections: input.rejections };
    case "ACTIVATION":
      return { type: "TNS_ACTIVATED", tns: input.tns };
    case "CSR_UNAVAILABLE":
      return { type: "CSR_UNAVAILABLE" };
    case "SUPP_ACCEPTED":
      return { type: "SUPP_ACCEPTED", ...(input.focAt ? { focAt: input.focAt } : {}) };
    case "SUPP_REFUSED":
      return { type: "SUPP_REJECTED", reason: input.reason };
  }
}

const ponInUse = (pon: string) =>
  invalid([
    {
      field: "pon",
      code: "PON_IN_USE",
      message: `PON ${pon} is already the PON of another order; check the ID the carrier gave.`,
    },
  ]);

/**
 * The PON to record: the one typed, as stored (normalizePon); for a project port with none typed, ours (PWP, the ET
 * date, the next sequence). Refused, naming the field, when another order already has it.
 */
async function ponToRecord(tx: DbOrTx, clock: Clock, loaded: LoadedOrder, typed: string | undefined) {
  if (typed === undefined) {
    if (loaded.order.portType !== "PROJECT") {
      throw invalid([{ field: "pon", code: "PON_REQUIRED", message: "Enter the PON the carrier gave." }]);
    }
    const now = clock.now().toISOString();
    const made = createPon({
      portType: "PROJECT",
      date: easternDate(now) ?? now.slice(0, 10),
      sequence: await nextPonSequence(tx),
    });
    if (!made.ok) {
      throw invalid([{ field: "pon", code: made.error.code, message: made.error.message }]);
    }
    return made.pon;
  }
  const pon = normalizePon(typed);
  if ((await findOrderWithPon(tx, pon, loaded.order.id)) !== null) {
    throw ponInUse(pon);
  }
  return pon;
}

/** An analyst records what the LSP or partner said; the domain decides whether it fits the order's state. */
export async function recordOrderEvent(db: Db, clock: Clock, who: ActingAs, input: RecordEventInput) {
  try {
    return await db.transaction((tx) => recordOrderEventIn(tx, clock, who, input));
  } catch (error) {
    // Another order took the PON between the check and the write: the same field error, never a database error.
    if (input.type === "PON" && uniqueViolation(error)?.constraint === "port_orders_project_pon_uq") {
      throw ponInUse(normalizePon(input.pon ?? ""));
    }
    throw error;
  }
}

/** The same inside the caller's transaction (bulk work records several orders in one), audit entry included. */
export async function recordOrderEventIn(tx: DbOrTx, clock: Clock, who: ActingAs, input: RecordEventInput) {
  const loaded = await loadOrderForUpdate(tx, { orderId: input.orderId });
  const from = loaded.order.status;
  const resolved: RecordEventInput =
    input.type === "PON" ? { ...input, pon: await ponToRecord(tx, clock, loaded, input.pon) } : input;
  const result = await applyEventToOrder(tx, loaded, orderEventOf(resolved), { now: clock.now(), actor: who.actor });
  const { type: _type, orderId: _orderId, ...recorded } = resolved;
  await recordAudit(tx, {
    actorId: who.actor.id ?? who.actor.kind,
    action: auditActionOf[input.type],
    objectType: "order",
    objectId: input.orderId,
    orderId: input.orderId,
    change: { ...recorded, status: { from, to: result.order.status } },
    at: clock.now(),
  });
  return { id: result.order.id, status: result.order.status, version: result.order.version };
}
