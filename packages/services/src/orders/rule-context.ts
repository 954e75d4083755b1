import { type DbOrTx, findCarrier, findCarriersByIds, findHolidays } from "@portway/db";
import { type BusinessCalendar, buildBusinessCalendar } from "@portway/domain";

/** The business calendar of an order: porting holidays, company-wide dates and the losing carrier's own. */
export async function loadCalendar(db: DbOrTx, carrierId: string | null, now: Date): Promise<BusinessCalendar> {
  const rows = await findHolidays(db, { carrierIds: carrierId ? [carrierId] : [] });
  const year = now.getUTCFullYear();
  return buildBusinessCalendar(
    [year - 1, year, year + 1],
    rows.map((r) => r.date),
  );
}

/** What the porting rules need about an order's losing carrier: its calendar and minimum porting interval. */
export interface RuleContext {
  calendar: BusinessCalendar;
  carrierMinBusinessDays: number;
}

/**
 * The one place the services build the inputs of the date rules (SPEC 6): the business calendar with the carrier's
 * own holidays and the carrier's minimum interval (0 for an on-net order, which has no losing carrier).
 */
export async function loadRuleContext(db: DbOrTx, carrierId: string | null, now: Date): Promise<RuleContext> {
  const carrier = carrierId ? await findCarrier(db, carrierId) : null;
  return {
    calendar: await loadCalendar(db, carrierId, now),
    carrierMinBusinessDays: carrier?.minBusinessDays ?? 0,
  };
}

/** The rule inputs of many orders' carriers at once (the batch path): one holiday read and one carrier read. */
export async function loadRuleContexts(
  db: DbOrTx,
  carrierIds: readonly string[],
  now: Date,
): Promise<(carrierId: string | null) => RuleContext> {
  const holidays = await findHolidays(db, { carrierIds });
  const carriers = carrierIds.length > 0 ? await findCarriersByIds(db, carrierIds) : [];
  const minimum = new Map(carriers.map((c) => [c.id, c.minBusinessDays]));
  const year = now.getUTCFullYear();
  const cache = new Map<string | null, RuleContext>();
  return (carrierId) => {
    let context = cache.get(carrierId);
    if (!context) {
      context = {
        calendar: buildBusinessCalendar(
          [year - 1, year, year + 1],
          holidays.filter((h) => h.carrierId === null || h.carrierId === carrierId).map((h) => h.date),
        ),
        carrierMinBusinessDays: carrierId ? (minimum.get(carrierId) ?? 0) : 0,
      };
      cache.set(carrierId, context);
    }
    return context;
  };
}
