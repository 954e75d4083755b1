import type { CreateOrderData, ServiceAddress, Subscriber } from "@portway/partner";
import { formatEtDate } from "../et-time";

/** What the simulated LSP has on file for the account: the order is checked against it, and the CSR shows it. */
export interface AccountRecord {
  subscriber: Subscriber;
  serviceAddress: ServiceAddress;
  btn: string;
  accountNumber: string | null;
  authorizedName: string;
  /** Working TNs on the account. */
  tns: string[];
  /** A PIN the LSP refuses (the one first submitted, for trigger 9904). */
  refusedPin: string | null;
  notPortableTns: string[];
  /** An ET date (YYYY-MM-DD) the LSP has no capacity for (trigger 9909). */
  refusedFocDate: string | null;
  /** Conditions the end user clears with the LSP; lifted by the first CHANGE after a rejection. */
  conditions: Condition[];
  csr: "AVAILABLE" | "NOT_SUPPORTED" | "NO_RESPONSE";
  /** Extra business days the LSP takes before its FOC. */
  extraFocBusinessDays: number;
}

export type Condition = "PENDING_ORDER" | "LSP_FREEZE" | "LOA_INVALID" | "OTHER";

type Effect = "address" | "name" | "account" | "pin" | "btn" | "notPortable" | "focDate" | Condition | "noCsr";

/** Sandbox triggers: the last four digits of the LSP account number. Documented in README.md. */
export const accountNumberTriggers: Record<string, Effect[]> = {
  "9901": ["address"],
  "9902": ["name"],
  "9903": ["account"],
  "9904": ["pin"],
  "9905": ["btn"],
  "9906": ["PENDING_ORDER"],
  "9907": ["LSP_FREEZE"],
  "9908": ["notPortable"],
  "9909": ["focDate"],
  "9910": ["LOA_INVALID"],
  "9911": ["OTHER"],
  "9912": ["address", "account"],
  "9913": ["name", "btn"],
  "9914": ["PENDING_ORDER", "LSP_FREEZE"],
  "9920": ["noCsr"],
};

/** ZIP that the LSP holds differently (ZIP_MISMATCH), whatever the account number. */
export const mismatchZip = "99999";

function readTrigger(accountNumber: string | null): string | null {
  const match = accountNumber === null ? null : /(\d{4})$/.exec(accountNumber);
  return match?.[1] ?? null;
}

/** Trigger 99NN -> 10NN, so the number the CSR shows is not itself a trigger. */
function alterAccountNumber(accountNumber: string): string {
  return accountNumber.replace(/99(\d\d)$/, "10$1");
}

function alterSubscriber(subscriber: Subscriber): Subscriber {
  if (subscriber.type === "RESIDENTIAL") {
    return { ...subscriber, firstName: subscriber.firstName.slice(0, 1) };
  }
  const name = subscriber.businessName;
  const altered = / LLC$/i.test(name) ? name.replace(/ LLC$/i, "") : `${name.slice(0, 21).trimEnd()} LLC`;
  return { ...subscriber, businessName: altered };
}

function alterHouseNumber(houseNumber: string): string {
  return /^\d+$/.test(houseNumber) ? String(Number(houseNumber) + 2) : `${houseNumber.slice(0, 9)}A`;
}

function alterBtn(btn: string): string {
  const last = Number(btn.slice(-1));
  return `${btn.slice(0, -1)}${(last + 1) % 10}`;
}

/** TNs after the highest ordered one in the same NPA-NXX, skipping ordered TNs: the account's other lines. */
function findOtherLines(tns: readonly string[], count: number): string[] {
  const taken = new Set(tns);
  const highest = [...tns].sort().at(-1) ?? "2015550100";
  const prefix = highest.slice(0, 6);
  const others: string[] = [];
  for (let line = Number(highest.slice(6)) + 1; others.length < count; line += 1) {
    const tn = `${prefix}${String(line % 10_000).padStart(4, "0")}`;
    if (!taken.has(tn)) {
      others.push(tn);
    }
  }
  return others;
}

/** Builds the account the LSP holds from the order as first submitted; deterministic. */
export function deriveAccountRecord(order: CreateOrderData): AccountRecord {
  const trigger = readTrigger(order.accountNumber);
  const effects = new Set<Effect>(trigger === null ? [] : (accountNumberTriggers[trigger] ?? []));
  const extraLines = trigger !== null && /^993[1-9]$/.test(trigger) ? Number(trigger.slice(3)) : 0;
  const serviceAddress = { ...order.serviceAddress };
  if (effects.has("address")) {
    serviceAddress.houseNumber = alterHouseNumber(serviceAddress.houseNumber);
  }
  if (serviceAddress.zip.slice(0, 5) === mismatchZip) {
    serviceAddress.zip = "99901";
  }
  const btn = effects.has("btn") ? alterBtn(order.btn) : order.btn;
  const tns = [...new Set([...order.tns, ...findOtherLines(order.tns, extraLines), btn])];
  const conditions = (["PENDING_ORDER", "LSP_FREEZE", "LOA_INVALID", "OTHER"] as const).filter((condition) =>
    effects.has(condition),
  );
  const spid = order.losingCarrier.spid;
  const lastSpidCharacter = spid.slice(-1);
  return {
    subscriber: effects.has("name") ? alterSubscriber(order.subscriber) : order.subscriber,
    serviceAddress,
    btn,
    accountNumber:
      order.accountNumber !== null && effects.has("account")
        ? alterAccountNumber(order.accountNumber)
        : order.accountNumber,
    authorizedName: order.authorizingPerson,
    tns,
    refusedPin: effects.has("pin") ? (order.pin ?? "") : null,
    notPortableTns: effects.has("notPortable") ? order.tns.slice(0, 1) : [],
    refusedFocDate: effects.has("focDate") ? formatEtDate(new Date(order.requestedFocAt)) : null,
    conditions: [...conditions],
    csr: spid.startsWith("X") ? "NOT_SUPPORTED" : effects.has("noCsr") ? "NO_RESPONSE" : "AVAILABLE",
    extraFocBusinessDays: lastSpidCharacter === "8" ? 1 : lastSpidCharacter === "9" ? 2 : 0,
  };
}
