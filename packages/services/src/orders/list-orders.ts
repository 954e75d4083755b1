import { type DbOrTx, findOrdersPage, type OrderSortColumn } from "@portway/db";
import { z } from "zod";

export const orderListInput = z.object({
  page: z.int().min(0).default(0),
  pageSize: z.int().min(1).max(200).default(25),
  sort: z.enum(["createdAt", "status", "focAt", "pon"] satisfies OrderSortColumn[]).default("createdAt"),
  direction: z.enum(["asc", "desc"]).default("desc"),
  status: z.string().max(32).optional(),
});
export type OrderListInput = z.infer<typeof orderListInput>;

/** A page of the account's port-in orders. */
export async function listOrders(db: DbOrTx, accountId: string, input: OrderListInput) {
  const { rows, total } = await findOrdersPage(db, { accountId, ...input });
  return {
    total,
    rows: rows.map((row) => ({
      id: row.id,
      status: row.status,
      portType: row.portType,
      pon: row.pon,
      customerReference: row.customerReference,
      tnCount: row.tnCount,
      focAt: row.focAt,
      createdAt: row.createdAt,
    })),
  };
}
