import type { OrderChanges } from "../schemas/order";
import type { ParsedCsr } from "./parse-csr";

/** The order side of a CSR comparison. */
export interface CsrComparable {
  subscriber?: { type?: string; businessName?: string; firstName?: string; lastName?: string };
  btn?: string;
  accountNumber?: string;
  serviceAddress?: {
    houseNumber?: string;
    street?: string;
    unit?: string;
    city?: string;
    state?: string;
    zip?: string;
  };
  tns: readonly string[];
}

export interface CsrDifference {
  field: string;
  order: string | null;
  csr: string | null;
  match: boolean;
  /** The change that adopts the CSR value (a CHANGE SUPP), or null when the field cannot be adopted. */
  adopt: OrderChanges | null;
}

export interface CsrComparison {
  differences: CsrDifference[];
  /** True when the account has TNs that are not in the order. */
  partialPort: boolean;
  /** TNs on the account that the order does not port. */
  tnsRemaining: string[];
  /** TNs in the order that the CSR does not list. */
  tnsNotOnAccount: string[];
  /** A partial port that moves the BTN needs a replacement BTN. */
  replacementBtnNeeded: boolean;
}

const ABBREVIATIONS: Readonly<Record<string, string>> = {
  STREET: "ST",
  AVENUE: "AVE",
  AV: "AVE",
  ROAD: "RD",
  BOULEVARD: "BLVD",
  DRIVE: "DR",
  LANE: "LN",
  COURT: "CT",
  PLACE: "PL",
  HIGHWAY: "HWY",
  PARKWAY: "PKWY",
  SUITE: "STE",
  APARTMENT: "APT",
  FLOOR: "FL",
  ROOM: "RM",
  NORTH: "N",
  SOUTH: "S",
  EAST: "E",
  WEST: "W",
};

/** Case, punctuation and spacing do not count; street words compare by their USPS abbreviation. */
export function normalizeCsrText(value: string, abbreviate = false): string {
  const words = value
    .toUpperCase()
    .replace(/[^A-Z0-9# ]+/g, "")
    .replace(/#/g, " # ")
    .split(/\s+/)
    .filter((word) => word.length > 0);
  return (abbreviate ? words.map((word) => ABBREVIATIONS[word] ?? word) : words).join(" ");
}

function orderName(order: CsrComparable): string | null {
  const s = order.subscriber;
  if (s === undefined) {
    return null;
  }
  if (s.type === "BUSINESS") {
    return s.businessName ?? null;
  }
  const name = [s.firstName, s.lastName].filter((part) => part !== undefined && part !== "").join(" ");
  return name === "" ? null : name;
}

const ADDRESS_KEYS = ["houseNumber", "street", "unit", "city", "state", "zip"] as const;

/**
 * Compares a parsed CSR with the order field by field (SPEC 9): name, service address, BTN, account number and the
 * TNs on the account, with partial-port detection. Fields the CSR does not give are not compared.
 */
export function compareCsr(csr: ParsedCsr, order: CsrComparable): CsrComparison {
  const differences: CsrDifference[] = [];
  const compare = (
    field: string,
    ours: string | null,
    theirs: string | null,
    same: boolean,
    adopt: OrderChanges | null,
  ) => {
    if (theirs !== null) {
      differences.push({ field, order: ours, csr: theirs, match: same, adopt: same ? null : adopt });
    }
  };
  const name = orderName(order);
  compare(
    "name",
    name,
    csr.name,
    csr.name !== null && normalizeCsrText(name ?? "") === normalizeCsrText(csr.name),
    null,
  );
  for (const key of ADDRESS_KEYS) {
    const ours = order.serviceAddress?.[key] ?? null;
    const theirs = csr.serviceAddress?.[key] ?? null;
    if (theirs === null) {
      continue;
    }
    const same =
      key === "zip"
        ? (ours ?? "").slice(0, 5) === theirs.slice(0, 5)
        : normalizeCsrText(ours ?? "", true) === normalizeCsrText(theirs, true);
    compare(`serviceAddress.${key}`, ours, theirs, same, { serviceAddress: { [key]: theirs } });
  }
  compare("btn", order.btn ?? null, csr.btn, order.btn === csr.btn, csr.btn === null ? null : { btn: csr.btn });
  const account = csr.accountNumber;
  compare(
    "accountNumber",
    order.accountNumber ?? null,
    account,
    normalizeCsrText(order.accountNumber ?? "") === normalizeCsrText(account ?? ""),
    account === null ? null : { accountNumber: account },
  );
  const ordered = new Set(order.tns);
  const onAccount = new Set(csr.tns);
  const tnsRemaining = csr.tns.filter((tn) => !ordered.has(tn));
  const tnsNotOnAccount = csr.tns.length === 0 ? [] : order.tns.filter((tn) => !onAccount.has(tn));
  if (csr.tns.length > 0) {
    const same = tnsRemaining.length === 0 && tnsNotOnAccount.length === 0;
    compare("tns", `${order.tns.length} TNs`, `${csr.tns.length} TNs`, same, null);
  }
  const partialPort = tnsRemaining.length > 0;
  const btn = order.btn ?? csr.btn;
  const replacementBtnNeeded = partialPort && btn !== null && btn !== undefined && ordered.has(btn);
  return { differences, partialPort, tnsRemaining, tnsNotOnAccount, replacementBtnNeeded };
}
