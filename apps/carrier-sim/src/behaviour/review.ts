import { latestFocDate, type PartnerRejectionCode } from "@portway/domain";
import type { CreateOrderData, Rejection, ServiceAddress, Subscriber } from "@portway/partner";
import { addEtDays, formatEtDate, formatEtDateTime, fromEtWallTime, isEtBusinessDay, toEtParts } from "../et-time";
import type { AccountRecord } from "./account-record";
import { writeRejectionText } from "./texts";

const normalize = (value: string | null) => (value ?? "").trim().replace(/\s+/g, " ").toUpperCase();

function isSameName(a: Subscriber, b: Subscriber): boolean {
  if (a.type === "BUSINESS" && b.type === "BUSINESS") {
    return normalize(a.businessName) === normalize(b.businessName);
  }
  if (a.type === "RESIDENTIAL" && b.type === "RESIDENTIAL") {
    return normalize(a.firstName) === normalize(b.firstName) && normalize(a.lastName) === normalize(b.lastName);
  }
  return false;
}

function isSameStreetAddress(a: ServiceAddress, b: ServiceAddress): boolean {
  return (["houseNumber", "streetName", "unit", "city", "state"] as const).every(
    (field) => normalize(a[field]) === normalize(b[field]),
  );
}

/** Every problem the LSP finds at once (LNPA best practice 39), in a fixed order. FOC dates are judged later. */
export function findRejections(order: CreateOrderData, record: AccountRecord): Rejection[] {
  const found: { code: PartnerRejectionCode; detail?: string; tns?: string[] }[] = [];
  const wireless = order.losingCarrier.type === "WIRELESS";
  if (!isSameStreetAddress(order.serviceAddress, record.serviceAddress)) {
    found.push({ code: "SERVICE_ADDRESS_MISMATCH" });
  }
  if (order.serviceAddress.zip.slice(0, 5) !== record.serviceAddress.zip.slice(0, 5)) {
    found.push({ code: "ZIP_MISMATCH" });
  }
  if (!isSameName(order.subscriber, record.subscriber)) {
    found.push({ code: "END_USER_NAME_MISMATCH" });
  }
  if (order.accountNumber === null && (wireless || record.accountNumber !== null)) {
    found.push({ code: "ACCOUNT_NUMBER_REQUIRED" });
  } else if (record.accountNumber !== null && normalize(order.accountNumber) !== normalize(record.accountNumber)) {
    found.push({ code: "ACCOUNT_NUMBER_MISMATCH" });
  }
  if (wireless && order.pin === null) {
    found.push({ code: "PIN_REQUIRED" });
  } else if (
    (wireless && order.pin === "0000") ||
    (record.refusedPin !== null && (order.pin ?? "") === record.refusedPin)
  ) {
    found.push({ code: "PIN_INVALID" });
  }
  if (order.btn !== record.btn) {
    found.push({ code: "BTN_MISMATCH" });
  }
  const movesBtn = order.partialPort && order.tns.includes(order.btn);
  if (movesBtn && (order.replacementBtn === null || order.tns.includes(order.replacementBtn))) {
    found.push({ code: "REPLACEMENT_BTN_REQUIRED" });
  }
  const notPortable = order.tns.filter((tn) => record.notPortableTns.includes(tn));
  if (notPortable.length > 0) {
    found.push({ code: "TN_NOT_PORTABLE", detail: notPortable.join(","), tns: notPortable });
  }
  for (const condition of record.conditions) {
    found.push({ code: condition });
  }
  return found.map(({ code, detail, tns }) => ({
    code,
    rawText: writeRejectionText(order.portType, code, detail),
    ...(tns ? { tns } : {}),
  }));
}

export type FocDecision = { ok: true; focAt: Date; moved: boolean } | { ok: false; rawText: string };

const hourMs = 3_600_000;

/**
 * The LSP's answer to a requested FOC at `issuedAt`, by the domain's calendar. A date in the past or within the hour
 * moves to the next business day at the same ET time (a real LSP commits to its earliest date); a weekend, a porting
 * holiday, a date after the domain's latest FOC date (30 calendar days after the ET date of `issuedAt`), or the
 * record's refused date is refused. With `strict` (a reschedule after FOC) a past date is refused.
 */
export function decideFoc(
  order: CreateOrderData,
  record: AccountRecord,
  issuedAt: Date,
  options: { strict: boolean } = { strict: false },
): FocDecision {
  const requested = new Date(order.requestedFocAt);
  const refuse = (detail: string): FocDecision => ({
    ok: false,
    rawText: writeRejectionText(order.portType, "FOC_DATE_REFUSED", detail),
  });
  const requestedDate = formatEtDate(requested);
  if (record.refusedFocDate !== null && requestedDate === record.refusedFocDate) {
    return refuse(`NO CAPACITY ON ${record.refusedFocDate}`);
  }
  if (!isEtBusinessDay(requested)) {
    return refuse(`${requestedDate} IS NOT A BUSINESS DAY`);
  }
  const latest = latestFocDate(issuedAt.toISOString());
  if (requestedDate > latest) {
    return refuse(`${requestedDate} IS AFTER THE LATEST DUE DATE ${latest}`);
  }
  const earliest = issuedAt.getTime() + hourMs;
  if (requested.getTime() >= earliest) {
    return { ok: true, focAt: requested, moved: false };
  }
  if (options.strict) {
    return refuse(`${formatEtDateTime(requested)} IS TOO SOON`);
  }
  const wall = toEtParts(requested);
  const day = toEtParts(issuedAt);
  let candidate = fromEtWallTime({ ...day, hour: wall.hour, minute: wall.minute, second: wall.second });
  while (candidate.getTime() < earliest || !isEtBusinessDay(candidate)) {
    candidate = addEtDays(candidate, 1);
  }
  return { ok: true, focAt: candidate, moved: true };
}
