import { type DbOrTx, findCarrier, findCarriersByIds, findCustomerAccount, findHolidays } from "@portway/db";
import {
  type BusinessCalendar,
  buildBusinessCalendar,
  type CarrierRules,
  DEFAULT_PORT_LIMITS,
  type PortLimits,
} from "@portway/domain";
import { notFound } from "../errors";

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

/** The port limits of SPEC 5 (configuration of the product; the domain's defaults). */
export const PORT_LIMITS: Readonly<PortLimits> = DEFAULT_PORT_LIMITS;

/** A losing carrier as the numbering data holds it, with what its rules need. */
export interface CarrierOfOrder {
  id: string;
  name: string;
  spid: string;
  type: CarrierRules["type"];
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  minBusinessDays: number;
}

/** What the order rules (SPEC 5, 6) need to judge an order of an account against a losing carrier. */
export interface OrderRuleInputs {
  carrier: CarrierRules;
  calendar: BusinessCalendar;
  limits: PortLimits;
  onNetOnly: boolean;
}

/** The account's own rule input: whether it ports on-net numbers only. */
export async function loadAccountRules(db: DbOrTx, accountId: string): Promise<{ onNetOnly: boolean }> {
  const account = await findCustomerAccount(db, accountId);
  if (!account) {
    throw notFound("The account");
  }
  return { onNetOnly: account.onNetOnly };
}

/**
 * The one place the services build the inputs of the order rules of a submission or an edit: the losing carrier's
 * rules, its business calendar, the port limits and the account's on-net-only flag.
 */
export async function loadOrderRuleInputs(
  db: DbOrTx,
  input: { account: { onNetOnly: boolean }; carrier: CarrierOfOrder; now: Date },
): Promise<OrderRuleInputs> {
  const { carrier } = input;
  return {
    carrier: {
      type: carrier.type,
      requiresAccountNumber: carrier.requiresAccountNumber,
      requiresPin: carrier.requiresPin,
      minBusinessDays: carrier.minBusinessDays,
    },
    calendar: await loadCalendar(db, carrier.id, input.now),
    limits: PORT_LIMITS,
    onNetOnly: input.account.onNetOnly,
  };
}
