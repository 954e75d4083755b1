import type { FieldIssue } from "../issue";
import { DEFAULT_PORT_LIMITS, decidePortType, type PortLimits, type PortType } from "./port-type";

/** A TN after the portability check (SPEC 4), with what decides its order. */
export interface CheckedTn {
  tn: string;
  /** The losing carrier's SPID. */
  carrierSpid: string;
  carrierName?: string;
  onNet: boolean;
  /** The LSP account the TN belongs to (see `accountKeyOf`); unknown before the customer says. */
  accountKey?: string | null;
}

export interface ProposedOrder {
  carrierSpid: string;
  carrierName: string | null;
  onNet: boolean;
  accountKey: string | null;
  tns: string[];
  portType: PortType;
}

export interface Grouping {
  orders: ProposedOrder[];
  totalTns: number;
  errors: FieldIssue[];
}

function normalizeKeyPart(value: string | undefined | null): string {
  return (value ?? "")
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** The account key of SPEC 5: one order ports TNs of one BTN, service address and authorizing person. */
export function accountKeyOf(input: {
  btn?: string | null;
  serviceAddress?: {
    houseNumber?: string;
    street?: string;
    unit?: string;
    city?: string;
    state?: string;
    zip?: string;
  };
  loaAuthorizingPerson?: string | null;
}): string {
  const a = input.serviceAddress ?? {};
  return [input.btn, a.houseNumber, a.street, a.unit, a.city, a.state, a.zip?.slice(0, 5), input.loaAuthorizingPerson]
    .map(normalizeKeyPart)
    .join("|");
}

/**
 * Splits checked TNs into orders (SPEC 5): one per losing carrier, on-net/off-net and account, in first-seen order,
 * each with its port type. A port request over `maxTnsPerPortRequest` is an error. Duplicate TNs count once.
 */
export function groupTnsIntoOrders(tns: readonly CheckedTn[], limits: Partial<PortLimits> = {}): Grouping {
  const config: PortLimits = { ...DEFAULT_PORT_LIMITS, ...limits };
  const groups = new Map<string, { sample: CheckedTn; tns: string[] }>();
  const seen = new Set<string>();
  for (const checked of tns) {
    if (seen.has(checked.tn)) {
      continue;
    }
    seen.add(checked.tn);
    const key = `${checked.carrierSpid}\u0000${checked.onNet ? "on" : "off"}\u0000${checked.accountKey ?? ""}`;
    const group = groups.get(key);
    if (group === undefined) {
      groups.set(key, { sample: checked, tns: [checked.tn] });
    } else {
      group.tns.push(checked.tn);
    }
  }
  const orders: ProposedOrder[] = [];
  // One LSP account is one order whatever its size (SPEC 5): cutting it would move the same BTN and account in two
  // orders; a group over the order limit is refused by the order rules (`TOO_MANY_TNS`), never split here.
  for (const { sample, tns: groupTns } of groups.values()) {
    orders.push({
      carrierSpid: sample.carrierSpid,
      carrierName: sample.carrierName ?? null,
      onNet: sample.onNet,
      accountKey: sample.accountKey ?? null,
      tns: groupTns,
      portType: decidePortType({ onNet: sample.onNet, tnCount: groupTns.length }, config),
    });
  }
  const errors: FieldIssue[] = [];
  if (seen.size > config.maxTnsPerPortRequest) {
    errors.push({
      field: "tns",
      code: "PORT_REQUEST_TOO_LARGE",
      message: `A port request holds at most ${config.maxTnsPerPortRequest.toLocaleString("en-US")} TNs; this one has ${seen.size.toLocaleString("en-US")}.`,
    });
  }
  return { orders, totalTns: seen.size, errors };
}
