import {
  countAccountOrders,
  type Db,
  ensureCustomerAccount,
  findCarriersBySpids,
  insertPastOrders,
  type PastHistoryEntry,
  type PastOrder,
  upsertCarrierAccountFormats,
} from "@portway/db";
import {
  addBusinessDays,
  addDays,
  type BusinessCalendar,
  easternDate,
  easternToInstant,
  isBusinessDay,
  type PartnerRejectionCode,
  reasonOfRejectionCode,
} from "@portway/domain";
import { DemoSeedRefused } from "../demo/seed";
import { loadCalendar } from "../orders/rule-context";
import { refreshCarrierStats } from "./carrier-stats";

/**
 * How each demo losing carrier behaved over the last quarter: orders, the share rejected per partner code, and the
 * business days its FOCs took (a spread around the median). Great Lakes Bell stays under the minimum sample.
 */
export const DEMO_CARRIER_HISTORY = [
  {
    spid: "9202",
    npa: "617",
    orders: 140,
    rejectedShare: { SERVICE_ADDRESS_MISMATCH: 0.22, END_USER_NAME_MISMATCH: 0.05 },
    focDays: [5, 6, 7, 7, 7, 8, 9, 11],
    accountNumberLengths: [],
  },
  {
    spid: "6101",
    npa: "415",
    orders: 90,
    rejectedShare: { PIN_INVALID: 0.12, END_USER_NAME_MISMATCH: 0.06 },
    focDays: [2, 3, 3, 3, 4, 5],
    accountNumberLengths: [9],
  },
  {
    spid: "9203",
    npa: "512",
    orders: 60,
    rejectedShare: { ACCOUNT_NUMBER_MISMATCH: 0.25 },
    focDays: [5, 8, 9, 9, 10, 12, 14],
    accountNumberLengths: [8],
  },
  { spid: "9201", npa: "312", orders: 12, rejectedShare: {}, focDays: [3, 4], accountNumberLengths: [] },
] as const;

/** The text the partner sends with each code the demo history uses (the canonical reason is the domain's). */
const DEMO_REJECTION_TEXTS: Partial<Record<PartnerRejectionCode, string>> = {
  SERVICE_ADDRESS_MISMATCH: "Service address does not match the LSP's records",
  END_USER_NAME_MISMATCH: "End user name does not match the LSP's records",
  PIN_INVALID: "Passcode/PIN missing or invalid",
  ACCOUNT_NUMBER_MISMATCH: "Account number does not match the LSP's records",
};

export const DEMO_HISTORY_ACCOUNT = { slug: "lakeside-resale", name: "Lakeside Resale (history)" } as const;

/** A small deterministic generator, so that every first start produces the same history. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

function at(date: string, time: string, minutesLater = 0): Date {
  const instant = easternToInstant(date, time);
  if (!instant) {
    throw new Error(`invalid demo date ${date} ${time}`);
  }
  return new Date(new Date(instant).getTime() + minutesLater * 60_000);
}

/**
 * The finished orders of one carrier's quarter, as the partner produced them: acceptance, CSR, FOC (or a rejection,
 * then a fix and a resubmission, or a cancel), activation. Only orders whose story ended before today are kept.
 */
function planCarrierHistory(
  carrier: { id: string; spid: string },
  profile: (typeof DEMO_CARRIER_HISTORY)[number],
  today: string,
  calendar: BusinessCalendar,
): PastOrder[] {
  const random = generator(Number.parseInt(carrier.spid, 16));
  const orders: PastOrder[] = [];
  // Each code's rejected orders spread evenly over the quarter (the next free index on a collision).
  const rejectionOf = new Array<PartnerRejectionCode | null>(profile.orders).fill(null);
  (Object.entries(profile.rejectedShare) as [PartnerRejectionCode, number][]).forEach(([code, share], r) => {
    const count = Math.round(share * profile.orders);
    for (let j = 0; j < count; j++) {
      let index = (Math.floor((j * profile.orders) / count) + r * 2) % profile.orders;
      while (rejectionOf[index] !== null) {
        index = (index + 1) % profile.orders;
      }
      rejectionOf[index] = code;
    }
  });
  const start = addDays(today, -88);
  for (let i = 0; i < profile.orders; i++) {
    let submittedOn = addDays(start, Math.floor((i * 60) / profile.orders));
    while (!isBusinessDay(submittedOn, calendar)) {
      submittedOn = addDays(submittedOn, 1);
    }
    const rejection = rejectionOf[i] ?? null;
    const tnCount = 1 + Math.floor(random() * 3);
    const line = 100 + ((i * 3) % 100);
    const tns = Array.from({ length: tnCount }, (_, k) => `+1${profile.npa}555${String(line + k).padStart(4, "0")}`);
    const focDays = profile.focDays[Math.floor(random() * profile.focDays.length)] ?? 5;
    const history: PastHistoryEntry[] = [];
    const submittedAt = at(submittedOn, "10:00");
    history.push({ at: submittedAt, actorKind: "USER", event: "SUBMIT", fromStatus: "DRAFT", toStatus: "SUBMITTED" });
    history.push({
      at: at(submittedOn, "10:00", 2),
      actorKind: "PARTNER",
      event: "PARTNER_ACCEPTED",
      fromStatus: "SUBMITTED",
      toStatus: "CSR_REVIEW",
    });
    history.push({
      at: at(submittedOn, "13:00"),
      actorKind: "PARTNER",
      event: "CSR_RETURNED",
      fromStatus: "CSR_REVIEW",
      toStatus: "PENDING_FOC",
    });
    let focFrom = submittedOn;
    let status: PastOrder["status"] = "COMPLETE";
    let rejected: PastOrder["rejection"] = null;
    if (rejection) {
      const rejectedOn = addBusinessDays(submittedOn, 1, calendar);
      const code = { code: rejection, text: DEMO_REJECTION_TEXTS[rejection] ?? "Rejected by the losing carrier" };
      history.push({
        at: at(rejectedOn, "11:00"),
        actorKind: "PARTNER",
        event: "REJECTED",
        fromStatus: "PENDING_FOC",
        toStatus: "EXCEPTION",
        reason: code.text,
      });
      const cancelled = i % 3 === 0;
      const fixedOn = addBusinessDays(rejectedOn, 1, calendar);
      rejected = {
        code: code.code,
        reason: reasonOfRejectionCode(rejection),
        text: code.text,
        at: at(rejectedOn, "11:00"),
        resolvedAt: at(fixedOn, "09:30"),
      };
      if (cancelled) {
        history.push({
          at: at(fixedOn, "09:30"),
          actorKind: "USER",
          event: "CANCEL",
          fromStatus: "EXCEPTION",
          toStatus: "CANCELLED",
        });
        status = "CANCELLED";
      } else {
        history.push({
          at: at(fixedOn, "09:30"),
          actorKind: "USER",
          event: "RESUBMIT",
          fromStatus: "EXCEPTION",
          toStatus: "CSR_REVIEW",
        });
        history.push({
          at: at(fixedOn, "12:00"),
          actorKind: "PARTNER",
          event: "CSR_RETURNED",
          fromStatus: "CSR_REVIEW",
          toStatus: "PENDING_FOC",
        });
        focFrom = fixedOn;
      }
    }
    // The LSP commits after `focDays` business days, for the next business day.
    const committedOn = addBusinessDays(focFrom, focDays, calendar);
    const focOn = addBusinessDays(committedOn, 1, calendar);
    const requestedOn = i % 4 === 0 ? focOn : addBusinessDays(submittedOn, Math.max(1, focDays - 3), calendar);
    if (status === "COMPLETE") {
      if (focOn >= today) {
        continue;
      }
      history.push({
        at: at(committedOn, "15:00"),
        actorKind: "PARTNER",
        event: "FOC_RECEIVED",
        fromStatus: "PENDING_FOC",
        toStatus: "FOC",
      });
      history.push({
        at: at(focOn, "11:30", 1),
        actorKind: "PARTNER",
        event: "TNS_ACTIVATED",
        fromStatus: "FOC",
        toStatus: "COMPLETE",
      });
    }
    orders.push({
      carrierId: carrier.id,
      portType: "AUTOMATED",
      pon: String(300_000_000 + Number.parseInt(carrier.spid, 16) * 1000 + i),
      customerReference: `LAKESIDE-${carrier.spid}-${String(i + 1).padStart(3, "0")}`,
      btn: tns[0] as string,
      tns,
      status,
      requestedFocAt: at(requestedOn, "11:30"),
      focAt: status === "COMPLETE" ? at(focOn, "11:30") : null,
      history,
      rejection: rejected,
    });
  }
  return orders;
}

/**
 * The demo's carrier history (a documented seeding path, not the simulator: the sandbox clock cannot go back a
 * quarter). It writes only what the partner would have produced for finished orders of the last 90 days, in an
 * account of their own, then computes the statistics as the worker does. Idempotent; refused in production.
 */
export async function seedDemoCarrierHistory(
  db: Db,
  options: { production: boolean; now: Date },
): Promise<{ created: number }> {
  if (options.production) {
    throw new DemoSeedRefused("Demo carrier history is refused when NODE_ENV=production.");
  }
  const created = await db.transaction(async (tx) => {
    const accountId = await ensureCustomerAccount(tx, DEMO_HISTORY_ACCOUNT);
    if ((await countAccountOrders(tx, accountId)) > 0) {
      return 0;
    }
    const carriers = await findCarriersBySpids(
      tx,
      DEMO_CARRIER_HISTORY.map((p) => p.spid),
    );
    const today = easternDate(options.now.toISOString()) ?? options.now.toISOString().slice(0, 10);
    const orders: PastOrder[] = [];
    for (const profile of DEMO_CARRIER_HISTORY) {
      const carrier = carriers.find((c) => c.spid === profile.spid);
      if (!carrier) {
        continue;
      }
      const calendar = await loadCalendar(tx, carrier.id, options.now);
      orders.push(...planCarrierHistory(carrier, profile, today, calendar));
    }
    await insertPastOrders(tx, accountId, orders);
    await upsertCarrierAccountFormats(
      tx,
      DEMO_CARRIER_HISTORY.flatMap((profile) => {
        const carrier = carriers.find((c) => c.spid === profile.spid);
        return carrier && profile.accountNumberLengths.length > 0
          ? [{ carrierId: carrier.id, lengths: [...profile.accountNumberLengths] }]
          : [];
      }),
    );
    return orders.length;
  });
  if (created > 0) {
    await refreshCarrierStats(db, options.now);
  }
  return { created };
}
