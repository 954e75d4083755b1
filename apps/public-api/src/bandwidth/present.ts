import type { NumberCheckResult, PortInSummary } from "@portway/services";
import { tenDigits } from "./lnp-order";

/** Portway's order statuses as Bandwidth's ProcessingStatus values (the README documents this table). */
export const processingStatusOf: Readonly<Record<string, string>> = {
  SUBMITTED: "SUBMITTED",
  CSR_REVIEW: "SUBMITTED",
  PENDING_FOC: "SUBMITTED",
  EXCEPTION: "EXCEPTION",
  FOC: "FOC",
  SUPP_PENDING: "REQUESTED_SUPP",
  COMPLETE: "COMPLETE",
  CANCELLED: "CANCELLED",
};

/** Bandwidth's list filter values as Portway statuses. */
export const statusesOfFilter: Readonly<Record<string, readonly string[]>> = {
  submitted: ["SUBMITTED", "CSR_REVIEW", "PENDING_FOC"],
  exception: ["EXCEPTION"],
  foc: ["FOC"],
  requested_supp: ["SUPP_PENDING"],
  requested_cancel: ["SUPP_PENDING"],
  complete: ["COMPLETE"],
  cancelled: ["CANCELLED"],
};

export function processingStatus(view: PortInSummary): string {
  const { status, supp } = view.order;
  if (status === "SUPP_PENDING" && supp?.type === "CANCEL") {
    return "REQUESTED_CANCEL";
  }
  return processingStatusOf[status] ?? status;
}

const iso = (value: Date | string | null | undefined) =>
  value ? (value instanceof Date ? value.toISOString() : new Date(value).toISOString()) : undefined;

/** An ISO instant without its milliseconds, as Bandwidth writes dates. */
const bwDate = (value: Date | string | null | undefined) => iso(value)?.replace(/\.\d{3}Z$/, "Z");

function compact<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;
}

interface Details {
  btn?: string;
  replacementBtn?: string;
  partialPort?: boolean;
  onDemandActivation?: boolean;
  subscriber?: { type?: string; businessName?: string; firstName?: string; lastName?: string };
  serviceAddress?: {
    houseNumber?: string;
    street?: string;
    unit?: string;
    city?: string;
    state?: string;
    zip?: string;
  };
  accountNumber?: string;
  loaAuthorizingPerson?: string;
  customerOrderRef?: string;
  requestedFoc?: string;
}

/** The order fields as LnpOrder elements; the PIN is never echoed (a reader could shorten it and send it back). */
export function lnpOrderFields(details: Details, tns: readonly string[]) {
  const zip = details.serviceAddress?.zip;
  return compact({
    CustomerOrderId: details.customerOrderRef,
    RequestedFocDate: bwDate(details.requestedFoc),
    BillingTelephoneNumber: tenDigits(details.btn),
    NewBillingTelephoneNumber: tenDigits(details.replacementBtn),
    Subscriber: details.subscriber
      ? compact({
          SubscriberType: details.subscriber.type,
          BusinessName: details.subscriber.businessName,
          FirstName: details.subscriber.firstName,
          LastName: details.subscriber.lastName,
          ServiceAddress: details.serviceAddress
            ? compact({
                HouseNumber: details.serviceAddress.houseNumber,
                StreetName: details.serviceAddress.street,
                AddressLine2: details.serviceAddress.unit || undefined,
                City: details.serviceAddress.city,
                StateCode: details.serviceAddress.state,
                Zip: zip?.slice(0, 5),
                PlusFour: zip && zip.length > 5 ? zip.slice(-4) : undefined,
              })
            : undefined,
        })
      : undefined,
    LoaAuthorizingPerson: details.loaAuthorizingPerson,
    WirelessInfo: details.accountNumber ? { AccountNumber: details.accountNumber } : undefined,
    ListOfPhoneNumbers: tns.length > 0 ? { PhoneNumber: tns.map((tn) => tenDigits(tn)) } : undefined,
    PartialPort: details.partialPort === undefined ? undefined : String(details.partialPort),
    Triggered: details.onDemandActivation === undefined ? undefined : String(details.onDemandActivation),
  });
}

const portTypeNames: Record<string, string> = { ON_NET: "INTERNAL", AUTOMATED: "AUTOMATED", PROJECT: "MANUAL" };

/** Rejection-risk warnings (never errors) as a create response's Warnings, one Warning per field and carrier. */
export interface RiskWarningLike {
  reason: string;
  field: string;
  message: string;
}
function warningsElement(warnings: readonly RiskWarningLike[] | undefined) {
  return warnings && warnings.length > 0
    ? { Warning: warnings.map((w) => ({ Code: `RISK_${w.reason}`, Description: w.message })) }
    : undefined;
}

/** An order as LnpOrderResponse content. */
export function lnpOrderResponse(
  view: PortInSummary,
  bandwidthId: string,
  status?: { code: number; text: string },
  warnings?: readonly RiskWarningLike[],
) {
  const { order } = view;
  return compact({
    OrderId: bandwidthId,
    Status: status ? { Code: String(status.code), Description: status.text } : undefined,
    Warnings: warningsElement(warnings),
    ProcessingStatus: processingStatus(view),
    ...lnpOrderFields(
      order.details as Details,
      view.tns.map((t) => t.tn),
    ),
    ActualFocDate: bwDate(order.focAt),
    PON: order.pon ?? undefined,
    PortType: order.portType ? portTypeNames[order.portType] : undefined,
    LosingCarrierSPID: order.carrier?.spid,
    LosingCarrierName: order.carrier?.name,
    LosingCarrierIsWireless: order.carrier ? String(order.carrier.type === "WIRELESS") : undefined,
    VendorName: order.onNet === false ? "Level 3" : order.onNet ? "Portway" : undefined,
    AccountId: order.accountId,
    OrderCreateDate: bwDate(order.createdAt),
    LastModifiedDate: bwDate(order.updatedAt),
  });
}

/** A draft as LnpOrderResponse content (DRAFT, or PENDING_DOCUMENTS while it waits for its LOA). */
export function lnpDraftResponse(
  draft: { id: string; data: Details & { tns?: string[] }; createdAt: Date; updatedAt: Date },
  pendingDocuments: boolean,
  accountId: string,
  status?: { code: number; text: string },
  warnings?: readonly RiskWarningLike[],
) {
  return compact({
    OrderId: draft.id,
    Status: status ? { Code: String(status.code), Description: status.text } : undefined,
    Warnings: warningsElement(warnings),
    ProcessingStatus: pendingDocuments ? "PENDING_DOCUMENTS" : "DRAFT",
    ...lnpOrderFields(draft.data, draft.data.tns ?? []),
    AccountId: accountId,
    OrderCreateDate: bwDate(draft.createdAt),
    LastModifiedDate: bwDate(draft.updatedAt),
  });
}

type CheckedNumber = NumberCheckResult["numbers"][number];

function rateCenterGroups(numbers: readonly CheckedNumber[], partner: boolean) {
  const groups = new Map<string, CheckedNumber[]>();
  for (const entry of numbers) {
    const key = entry.rateCenter ? `${entry.rateCenter.state}|${entry.rateCenter.name}|${entry.rateCenter.lata}` : "";
    const group = groups.get(key);
    if (group) {
      group.push(entry);
    } else {
      groups.set(key, [entry]);
    }
  }
  return [...groups.values()].map((entries) => {
    const first = entries[0];
    return compact({
      ...(partner ? { Vendor: "Level 3", AutomatedPort: "true" } : {}),
      RateCenter: first?.rateCenter?.name,
      City: first?.rateCenter?.name,
      State: first?.rateCenter?.state,
      LATA: first?.rateCenter?.lata,
      Tiers: { Tier: "0" },
      TnList: { Tn: entries.map((e) => tenDigits(e.tn ?? e.input)) },
    });
  });
}

function losingCarriers(numbers: readonly CheckedNumber[]) {
  const groups = new Map<string, CheckedNumber[]>();
  for (const entry of numbers) {
    const key = entry.carrier?.spid ?? "";
    const group = groups.get(key);
    if (group) {
      group.push(entry);
    } else {
      groups.set(key, [entry]);
    }
  }
  return [...groups.values()].map((entries) => {
    const first = entries[0];
    return compact({
      LosingCarrierSPID: first?.carrier?.spid,
      LosingCarrierName: first?.carrier?.name,
      LosingCarrierIsWireless: String(first?.carrier?.type === "WIRELESS"),
      LosingCarrierAccountNumberRequired: String(first?.requiresAccountNumber ?? false),
      TnList: { Tn: entries.map((e) => tenDigits(e.tn ?? e.input)) },
    });
  });
}

/**
 * A portability check as NumberPortabilityResponse. Off-net numbers (ported through the partner) are listed under
 * PartnerSupportedRateCenters only with fullCheck=offnetportability; otherwise, as Bandwidth does, they are among the
 * unsupported ones. Losing carriers come with fullCheck=true or offnetportability.
 */
export function portabilityResponse(check: NumberCheckResult, fullCheck: string) {
  const valid = check.numbers.filter((n) => n.valid);
  const onNet = valid.filter((n) => n.portable && n.onNet === true);
  const offNet = valid.filter((n) => n.portable && n.onNet === false);
  const partner = fullCheck === "offnetportability";
  const supported = onNet;
  const unsupported = valid.filter((n) => !n.portable || (n.onNet === false && !partner) || n.onNet === null);
  const withCarriers = fullCheck === "true" || partner;
  const portTypes = new Set(check.grouping.orders.map((o) => o.portType));
  const portType = portTypes.has("PROJECT") ? "MANUAL" : portTypes.has("AUTOMATED") ? "AUTOMATED" : "INTERNAL";
  return compact({
    PortType: portType,
    SupportedRateCenters: supported.length > 0 ? { RateCenterGroup: rateCenterGroups(supported, false) } : "",
    UnsupportedRateCenters: unsupported.length > 0 ? { RateCenterGroup: rateCenterGroups(unsupported, false) } : "",
    PartnerSupportedRateCenters:
      partner && offNet.length > 0 ? { RateCenterGroup: rateCenterGroups(offNet, true) } : partner ? "" : undefined,
    SupportedLosingCarriers:
      withCarriers && (partner ? [...onNet, ...offNet] : onNet).length > 0
        ? { LosingCarrierTnList: losingCarriers(partner ? [...onNet, ...offNet] : onNet) }
        : withCarriers
          ? ""
          : undefined,
    UnsupportedLosingCarriers: withCarriers
      ? unsupported.filter((n) => n.carrier).length > 0
        ? { LosingCarrierTnList: losingCarriers(unsupported.filter((n) => n.carrier)) }
        : ""
      : undefined,
  });
}
