import {
  type BlockLookupRow,
  type DbOrTx,
  findActiveOrderTns,
  findBlocksForTns,
  findHolidays,
  readTogether,
} from "@portway/db";
import type { CarrierTypeValue } from "@portway/db/schema";
import {
  addDays,
  type BusinessCalendar,
  buildBusinessCalendar,
  type CheckedTn,
  classifyTn,
  earliestFocDate,
  easternDate,
  type FieldIssue,
  groupTnsIntoOrders,
  type Issue,
  MAX_TNS_PER_INPUT,
  type PortLimits,
  type PortType,
  parseTns,
  TN_MESSAGES,
} from "@portway/domain";
import { invalid } from "../errors";
import { type CarrierRequirements, findCarrierRequirements } from "./carrier-requirements";

/** Why a valid number cannot be ported now (SPEC 4). */
export type NotPortableCode =
  | "TOLL_FREE"
  | "NOT_IN_PLAN"
  | "NO_COVERAGE"
  | "IN_ACTIVE_ORDER_OTHER_ACCOUNT"
  | "IN_ACTIVE_ORDER_SAME_ACCOUNT";

export interface CheckedNumber {
  /** The canonical E.164 number; null for input that is not a number (or a toll-free range). */
  tn: string | null;
  /** What the user typed, for invalid entries; the E.164 number otherwise. */
  input: string;
  valid: boolean;
  /** Why the input is not a valid number (a SPEC 3 code). */
  invalidReason: { code: string; message: string } | null;
  portable: boolean;
  notPortableReason: { code: NotPortableCode; message: string } | null;
  /** True on-net, false off-net (through the partner), null when not covered or unknown. */
  onNet: boolean | null;
  carrier: { name: string; spid: string; type: CarrierTypeValue } | null;
  rateCenter: { name: string; state: string; lata: string; timeZone: string } | null;
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  /** The port type of the proposed order this number falls in. */
  portType: PortType | null;
  /** The earliest FOC date (`YYYY-MM-DD`, ET) of that order. */
  earliestFocDate: string | null;
  /** The customer's own active order holding this number; never set for another account's order. */
  activeOrderId: string | null;
}

export interface ProposedOrderSummary {
  carrierSpid: string;
  carrierName: string | null;
  carrierType: CarrierTypeValue | null;
  onNet: boolean;
  portType: PortType;
  tnCount: number;
  tns: string[];
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  earliestFocDate: string;
}

export interface NumberCheckResult {
  numbers: CheckedNumber[];
  /** Duplicates and suspicious numbers (SPEC 3): not errors. */
  warnings: Issue[];
  summary: {
    entered: number;
    valid: number;
    invalid: number;
    portable: number;
    notPortable: number;
    onNet: number;
    offNet: number;
  };
  grouping: { orders: ProposedOrderSummary[]; totalTns: number; errors: FieldIssue[] };
}

export interface NumberCheckLimits extends Partial<PortLimits> {
  /** Most numbers one check accepts after ranges are expanded. Default the domain's MAX_TNS_PER_INPUT. */
  maxTns?: number;
  /** Largest range (SPEC 3). Default 10,000. */
  maxRangeSize?: number;
}

export const NUMBER_CHECK_MAX_TNS = MAX_TNS_PER_INPUT;
// Holidays that can matter: the longest lead (30 business days) stays well inside this many calendar days.
const HOLIDAY_HORIZON_DAYS = 120;

const MESSAGES: Readonly<Record<NotPortableCode, string>> = {
  TOLL_FREE: TN_MESSAGES.TOLL_FREE,
  NOT_IN_PLAN: "This number is not in our numbering plan: its NPA-NXX block is unknown.",
  NO_COVERAGE: "Neither we nor our porting partner serve this number's rate center.",
  IN_ACTIVE_ORDER_OTHER_ACCOUNT: "This number is already in an active port-in order of another account.",
  IN_ACTIVE_ORDER_SAME_ACCOUNT: "This number is already in one of your active port-in orders.",
};

function createAnswer(input: string, tn: string | null): CheckedNumber {
  return {
    tn,
    input,
    valid: true,
    invalidReason: null,
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
  };
}

/** The E.164 form of a toll-free entry typed as a single number, so the answer can name it. */
function toTollFreeTn(input: string): string | null {
  const digits = input.replace(/\D/g, "");
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits;
  const tn = `+1${national}`;
  return national.length === 10 && classifyTn(tn).kind === "TOLL_FREE" ? tn : null;
}

function markNotPortable(entry: CheckedNumber, code: NotPortableCode): CheckedNumber {
  return { ...entry, portable: false, notPortableReason: { code, message: MESSAGES[code] } };
}

/** One carrier's calendar and requirements, computed once per check. */
interface CarrierContext {
  calendar: BusinessCalendar;
  requirements: CarrierRequirements;
  earliest: Map<PortType, string>;
}

/**
 * The portability check of SPEC 4. Parses any number input (SPEC 3), then answers per number: valid or not and why;
 * portable or not and why; on-net or off-net; losing carrier, rate center and state; whether account number and PIN
 * are needed; the earliest FOC date. Proposes how the portable numbers group into orders, with port types.
 * Three queries whatever the input size (blocks, active orders, holidays). Reads only; a transaction may be passed.
 */
export async function checkNumbers(
  db: DbOrTx,
  request: { input: string; accountId: string; now: Date; limits?: NumberCheckLimits },
): Promise<NumberCheckResult> {
  const limits = request.limits ?? {};
  const maxTns = limits.maxTns ?? NUMBER_CHECK_MAX_TNS;
  const parsed = parseTns(request.input, { maxRangeSize: limits.maxRangeSize, maxTotalTns: maxTns });
  // The parser refuses, before expanding it, a range that would pass the cap; either way the check is refused.
  const capped = parsed.errors.find((error) => error.code === "INPUT_TOO_LARGE");
  if (parsed.tns.length > maxTns || capped !== undefined) {
    throw invalid([
      {
        field: "input",
        code: "TOO_MANY_NUMBERS",
        message:
          capped?.message ??
          `One check takes at most ${maxTns.toLocaleString("en-US")} numbers; this input has ${parsed.tns.length.toLocaleString("en-US")}.`,
      },
    ]);
  }
  const nowIso = request.now.toISOString();
  const today = easternDate(nowIso) ?? nowIso.slice(0, 10);
  // Together on the pool; one after the other inside a caller's transaction (one connection).
  const [blocks, activeTns, holidays] = await readTogether(
    db,
    () => findBlocksForTns(db, parsed.tns),
    () => findActiveOrderTns(db, parsed.tns),
    () => findHolidays(db, { from: today, to: addDays(today, HOLIDAY_HORIZON_DAYS) }),
  );
  const blockByCode = new Map<string, BlockLookupRow>(blocks.map((b) => [b.npa + b.nxx, b]));
  const activeByTn = new Map(activeTns.map((row) => [row.tn, row]));

  const numbers: CheckedNumber[] = [];
  const portable: CheckedTn[] = [];
  const blockOfTn = new Map<string, BlockLookupRow>();
  for (const tn of parsed.tns) {
    const block = blockByCode.get(tn.slice(2, 8));
    let entry = createAnswer(tn, tn);
    if (block !== undefined) {
      entry = {
        ...entry,
        onNet: block.onNet ? true : block.partnerSupported ? false : null,
        carrier: { name: block.carrierName, spid: block.carrierSpid, type: block.carrierType },
        rateCenter: { name: block.rateCenterName, state: block.state, lata: block.lata, timeZone: block.timeZone },
      };
    }
    const active = activeByTn.get(tn);
    if (active !== undefined) {
      const own = active.accountId === request.accountId;
      entry = markNotPortable(entry, own ? "IN_ACTIVE_ORDER_SAME_ACCOUNT" : "IN_ACTIVE_ORDER_OTHER_ACCOUNT");
      entry.activeOrderId = own ? active.orderId : null;
    } else if (block === undefined) {
      entry = markNotPortable(entry, "NOT_IN_PLAN");
    } else if (entry.onNet === null) {
      entry = markNotPortable(entry, "NO_COVERAGE");
    } else {
      entry.portable = true;
      blockOfTn.set(tn, block);
      portable.push({ tn, carrierSpid: block.carrierSpid, carrierName: block.carrierName, onNet: block.onNet });
    }
    numbers.push(entry);
  }
  for (const error of parsed.errors) {
    if (error.code === "TOLL_FREE") {
      numbers.push(markNotPortable(createAnswer(error.input, toTollFreeTn(error.input)), "TOLL_FREE"));
    } else {
      numbers.push({
        ...createAnswer(error.input, null),
        valid: false,
        invalidReason: { code: error.code, message: error.message },
      });
    }
  }

  const grouping = groupTnsIntoOrders(portable, limits);
  const portTypeOfTn = new Map<string, PortType>();
  for (const order of grouping.orders) {
    for (const tn of order.tns) {
      portTypeOfTn.set(tn, order.portType);
    }
  }
  const years = [Number(today.slice(0, 4)), Number(today.slice(0, 4)) + 1];
  const companyHolidays = holidays.filter((h) => h.carrierId === null).map((h) => h.date);
  const carriers = new Map<string, CarrierContext>();
  const contextOf = (block: BlockLookupRow): CarrierContext => {
    let context = carriers.get(block.carrierId);
    if (context === undefined) {
      const own = holidays.filter((h) => h.carrierId === block.carrierId).map((h) => h.date);
      context = {
        calendar: buildBusinessCalendar(years, [...companyHolidays, ...own]),
        requirements: findCarrierRequirements({
          type: block.carrierType,
          requiresAccountNumber: block.requiresAccountNumber,
          requiresPin: block.requiresPin,
          minBusinessDays: block.minBusinessDays,
        }),
        earliest: new Map(),
      };
      carriers.set(block.carrierId, context);
    }
    return context;
  };
  const earliestOf = (block: BlockLookupRow, portType: PortType): string => {
    const context = contextOf(block);
    let date = context.earliest.get(portType);
    if (date === undefined) {
      date = earliestFocDate({
        portType,
        now: nowIso,
        calendar: context.calendar,
        carrierMinBusinessDays: block.minBusinessDays,
      });
      context.earliest.set(portType, date);
    }
    return date;
  };
  for (const entry of numbers) {
    const block = entry.tn === null ? undefined : blockByCode.get(entry.tn.slice(2, 8));
    if (block === undefined || entry.tn === null) {
      continue;
    }
    const { requirements } = contextOf(block);
    entry.requiresAccountNumber = requirements.accountNumber;
    entry.requiresPin = requirements.pin;
    const portType = portTypeOfTn.get(entry.tn);
    if (entry.portable && portType !== undefined) {
      entry.portType = portType;
      entry.earliestFocDate = earliestOf(block, portType);
    }
  }
  const orders = grouping.orders.flatMap((order): ProposedOrderSummary[] => {
    const first = order.tns[0];
    const block = first === undefined ? undefined : blockOfTn.get(first);
    if (block === undefined) {
      return [];
    }
    const { requirements } = contextOf(block);
    return [
      {
        carrierSpid: order.carrierSpid,
        carrierName: order.carrierName,
        carrierType: block.carrierType,
        onNet: order.onNet,
        portType: order.portType,
        tnCount: order.tns.length,
        tns: order.tns,
        requiresAccountNumber: requirements.accountNumber,
        requiresPin: requirements.pin,
        earliestFocDate: earliestOf(block, order.portType),
      },
    ];
  });
  const validCount = numbers.filter((n) => n.valid).length;
  return {
    numbers,
    warnings: parsed.warnings,
    summary: {
      entered: numbers.length,
      valid: validCount,
      invalid: numbers.length - validCount,
      portable: portable.length,
      notPortable: validCount - portable.length,
      onNet: portable.filter((t) => t.onNet).length,
      offNet: portable.filter((t) => !t.onNet).length,
    },
    grouping: { orders, totalTns: grouping.totalTns, errors: grouping.errors },
  };
}
