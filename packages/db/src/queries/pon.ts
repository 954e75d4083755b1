import { and, eq, ne } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { portOrders } from "../schema/index";

/** The order other than `exceptOrderId` that already has `pon` (a PON names one order), or null. */
export async function findOrderWithPon(
  db: DbOrTx,
  pon: string,
  exceptOrderId: string,
): Promise<{ id: string; status: string } | null> {
  const [row] = await db
    .select({ id: portOrders.id, status: portOrders.status })
    .from(portOrders)
    .where(and(eq(portOrders.pon, pon), ne(portOrders.id, exceptOrderId)))
    .limit(1);
  return row ?? null;
}
