import { asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { carriers, holidays } from "../schema/index";

/** Updates the porting rules of one carrier. */
export async function updateCarrierRules(
  db: DbOrTx,
  carrierId: string,
  values: { requiresAccountNumber: boolean; requiresPin: boolean; minBusinessDays: number },
) {
  const rows = await db.update(carriers).set(values).where(eq(carriers.id, carrierId)).returning();
  return rows[0] ?? null;
}

/** Every holiday that leads added, with the carrier's name for per-carrier ones. */
export async function findHolidayCalendar(db: DbOrTx) {
  return db
    .select({
      id: holidays.id,
      date: holidays.date,
      name: holidays.name,
      carrierId: holidays.carrierId,
      carrierName: carriers.name,
      createdAt: holidays.createdAt,
    })
    .from(holidays)
    .leftJoin(carriers, eq(carriers.id, holidays.carrierId))
    .orderBy(asc(holidays.date), asc(carriers.name));
}

/** Adds one holiday; null when that date is already on the same calendar. */
export async function insertHoliday(db: DbOrTx, row: { date: string; name: string; carrierId: string | null }) {
  const rows = await db.insert(holidays).values(row).onConflictDoNothing().returning({ id: holidays.id });
  return rows[0] ?? null;
}

export async function deleteHoliday(db: DbOrTx, holidayId: string) {
  const rows = await db.delete(holidays).where(eq(holidays.id, holidayId)).returning({ id: holidays.id });
  return rows.length === 1;
}

export async function findCarrierById(db: DbOrTx, carrierId: string) {
  const rows = await db
    .select({ id: carriers.id, name: carriers.name })
    .from(carriers)
    .where(sql`${carriers.id} = ${carrierId}`)
    .limit(1);
  return rows[0] ?? null;
}
