import { easternToInstant, type OrderChanges, type OrderDraft, parseTn, parseTns } from "@portway/domain";
import { BandwidthError, checkElements, type ElementSpec, listOf, nodeOf, textOf, type XmlNode } from "./xml";

const address: ElementSpec = {
  HouseNumber: true,
  HousePrefix: true,
  HouseSuffix: true,
  PreDirectional: true,
  StreetName: true,
  StreetSuffix: true,
  PostDirectional: true,
  AddressLine2: true,
  City: true,
  StateCode: true,
  Zip: true,
  PlusFour: true,
  County: true,
  Country: true,
  AddressType: true,
};

/** The elements of an LnpOrder (and of an LnpOrderSupp) that this API reads, by where they belong. */
export const lnpOrderSpec: ElementSpec = {
  CustomerOrderId: true,
  RequestedFocDate: true,
  SiteId: true,
  PeerId: true,
  BillingTelephoneNumber: true,
  NewBillingTelephoneNumber: true,
  Subscriber: {
    SubscriberType: true,
    BusinessName: true,
    FirstName: true,
    MiddleInitial: true,
    LastName: true,
    ServiceAddress: { ...address, ResetAddressFields: true },
  },
  LoaAuthorizingPerson: true,
  WirelessInfo: { AccountNumber: true, PinNumber: true },
  ListOfPhoneNumbers: { PhoneNumber: true },
  PartialPort: true,
  Triggered: true,
  ProcessingStatus: true,
  BillingType: true,
};

/** Where an element that Bandwidth silently drops out of place belongs. */
const misplaced: Record<string, string> = {
  AccountNumber: "WirelessInfo",
  PinNumber: "WirelessInfo",
  ServiceAddress: "Subscriber",
  PhoneNumber: "ListOfPhoneNumbers",
  HouseNumber: "Subscriber/ServiceAddress",
  StreetName: "Subscriber/ServiceAddress",
  City: "Subscriber/ServiceAddress",
  StateCode: "Subscriber/ServiceAddress",
  Zip: "Subscriber/ServiceAddress",
  BusinessName: "Subscriber",
  SubscriberType: "Subscriber",
};

/** Any of 10-digit, 1 + 10 digits or E.164, as E.164. */
export function toE164(value: string, path: string): string {
  const parsed = parseTn(value);
  if (!parsed.ok) {
    throw new BandwidthError(400, "7309", `${path}: ${value} is not a valid US number (${parsed.error.message})`, [
      value,
    ]);
  }
  return parsed.tn;
}

/** The ten digits a number is written with (10-digit, 1 + 10 digits or E.164), or null for any other form. */
function writtenDigits(value: string): string | null {
  const match = /^(?:\+?1)?(\d{10})$/.exec(value);
  return match?.[1] ?? null;
}

/**
 * A list of numbers as E.164, in order, as toE164 reads each one. The usual list, every number written as plain
 * digits, is parsed in one pass of the domain's parser; any other list (another form, an invalid number, a repeat)
 * is read number by number, so that the first invalid one is refused exactly as toE164 refuses it.
 */
export function toE164List(values: readonly string[], path: (index: number) => string): string[] {
  const digits = values.map(writtenDigits);
  if (digits.every((d) => d !== null)) {
    const parsed = parseTns(values, { maxRangeSize: 1 });
    if (
      parsed.errors.length === 0 &&
      parsed.tns.length === values.length &&
      parsed.tns.every((tn, i) => tn === `+1${digits[i]}`)
    ) {
      return parsed.tns;
    }
  }
  return values.map((value, i) => toE164(value, path(i)));
}

/** E.164 as Bandwidth's responses spell numbers: 10 digits. */
export const tenDigits = (e164: string | null | undefined) => (e164 ? e164.replace(/^\+1/, "") : undefined);

function bool(value: string | undefined, path: string): boolean | undefined {
  if (value === undefined || value === "") {
    return undefined;
  }
  const lower = value.toLowerCase();
  if (lower !== "true" && lower !== "false") {
    throw new BandwidthError(400, "7311", `${path} must be true or false.`);
  }
  return lower === "true";
}

/** `…Z`, `…±hh:mm` or date-only (`2021-06-16`, `2021-06-16Z`: 10:00 ET that day) as an ISO instant. */
export function toInstant(value: string, path: string): string {
  const dateOnly = /^(\d{4}-\d{2}-\d{2})Z?$/.exec(value);
  const instant = dateOnly?.[1] ? easternToInstant(dateOnly[1], "10:00") : value;
  const time = instant ? Date.parse(instant) : Number.NaN;
  if (!instant || Number.isNaN(time) || !/^\d{4}-\d{2}-\d{2}T/.test(instant)) {
    throw new BandwidthError(400, "7311", `${path}: ${value} is not a date (YYYY-MM-DD) or an ISO 8601 date and time.`);
  }
  return new Date(time).toISOString();
}

/** A ZIP as Bandwidth splits it; a 4-digit ZIP is what a reader that dropped the leading zero sends back. */
function zipOf(zip: string | undefined, plusFour: string | undefined, path: string): string | undefined {
  if (zip === undefined) {
    return undefined;
  }
  const match = /^(\d{5})-?(\d{4})?$/.exec(zip);
  if (!match?.[1]) {
    throw new BandwidthError(
      400,
      "7312",
      /^\d{1,4}$/.test(zip)
        ? `${path}/Zip ${zip} has fewer than 5 digits: a reader may have dropped its leading zero (send it as text, e.g. 0${zip}).`
        : `${path}/Zip ${zip} is not a 5-digit ZIP code.`,
    );
  }
  const four = match[2] ?? plusFour;
  if (four !== undefined && !/^\d{4}$/.test(four)) {
    throw new BandwidthError(400, "7312", `${path}/PlusFour must be 4 digits.`);
  }
  return four ? `${match[1]}-${four}` : match[1];
}

function serviceAddressOf(node: XmlNode | undefined, path: string) {
  if (!node) {
    return undefined;
  }
  const text = (name: string) => textOf(node[name], `${path}/${name}`);
  for (const unsupported of ["HousePrefix", "HouseSuffix", "County", "AddressType"]) {
    if (text(unsupported)) {
      throw new BandwidthError(
        400,
        "7311",
        `${path}/${unsupported} is not supported: put it in StreetName or AddressLine2.`,
      );
    }
  }
  const country = text("Country");
  if (country && !["US", "USA", "UNITED STATES"].includes(country.toUpperCase())) {
    throw new BandwidthError(400, "7311", `${path}/Country: only US addresses are ported.`);
  }
  const street = [text("PreDirectional"), text("StreetName"), text("StreetSuffix"), text("PostDirectional")]
    .filter((part) => part)
    .join(" ");
  const zip = zipOf(text("Zip"), text("PlusFour"), path);
  const fields = {
    houseNumber: text("HouseNumber"),
    street: street || undefined,
    unit: text("AddressLine2"),
    city: text("City"),
    state: text("StateCode")?.toUpperCase(),
    zip,
  };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as NonNullable<
    OrderDraft["serviceAddress"]
  >;
}

export interface ParsedLnpOrder {
  draft: OrderDraft;
  processingStatus: string | undefined;
  /** For a SUPP: the fields it names (an absent one is unchanged). */
  present: Set<string>;
  resetAddress: boolean;
}

/** An LnpOrder or LnpOrderSupp body as a Portway submission (formats are checked by the domain at submit). */
export function parseLnpOrder(node: XmlNode, root: string): ParsedLnpOrder {
  checkElements(node, lnpOrderSpec, root, misplaced);
  const text = (name: string) => textOf(node[name], `${root}/${name}`);
  const subscriber = nodeOf(node.Subscriber, `${root}/Subscriber`);
  const wireless = nodeOf(node.WirelessInfo, `${root}/WirelessInfo`);
  const numbers = nodeOf(node.ListOfPhoneNumbers, `${root}/ListOfPhoneNumbers`);
  const billingType = text("BillingType");
  if (billingType && billingType !== "PORTIN") {
    throw new BandwidthError(400, "7311", `${root}/BillingType must be PORTIN.`);
  }
  const type = subscriber ? textOf(subscriber.SubscriberType, `${root}/Subscriber/SubscriberType`) : undefined;
  if (type && type !== "BUSINESS" && type !== "RESIDENTIAL") {
    throw new BandwidthError(400, "7311", `${root}/Subscriber/SubscriberType must be BUSINESS or RESIDENTIAL.`);
  }
  const serviceNode = subscriber ? nodeOf(subscriber.ServiceAddress, `${root}/Subscriber/ServiceAddress`) : undefined;
  const btn = text("BillingTelephoneNumber");
  const newBtn = text("NewBillingTelephoneNumber");
  const requestedFoc = text("RequestedFocDate");
  const tns = numbers
    ? toE164List(
        listOf(numbers.PhoneNumber).map((value) => String(value)),
        (i) => `${root}/ListOfPhoneNumbers/PhoneNumber[${i + 1}]`,
      )
    : undefined;
  const subscriberFields = subscriber
    ? Object.fromEntries(
        Object.entries({
          type: type as "BUSINESS" | "RESIDENTIAL" | undefined,
          businessName: textOf(subscriber.BusinessName, `${root}/Subscriber/BusinessName`),
          firstName: textOf(subscriber.FirstName, `${root}/Subscriber/FirstName`),
          lastName: textOf(subscriber.LastName, `${root}/Subscriber/LastName`),
        }).filter(([, v]) => v !== undefined),
      )
    : undefined;
  const fields: OrderDraft = {
    tns,
    btn: btn ? toE164(btn, `${root}/BillingTelephoneNumber`) : undefined,
    replacementBtn: newBtn ? toE164(newBtn, `${root}/NewBillingTelephoneNumber`) : undefined,
    partialPort: bool(text("PartialPort"), `${root}/PartialPort`),
    onDemandActivation: bool(text("Triggered"), `${root}/Triggered`),
    subscriber: subscriberFields,
    accountNumber: wireless ? textOf(wireless.AccountNumber, `${root}/WirelessInfo/AccountNumber`) : undefined,
    pin: wireless ? textOf(wireless.PinNumber, `${root}/WirelessInfo/PinNumber`) : undefined,
    serviceAddress: serviceAddressOf(serviceNode, `${root}/Subscriber/ServiceAddress`),
    loaAuthorizingPerson: text("LoaAuthorizingPerson"),
    requestedFoc: requestedFoc ? toInstant(requestedFoc, `${root}/RequestedFocDate`) : undefined,
    customerOrderRef: text("CustomerOrderId"),
  };
  const draft = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as OrderDraft;
  return {
    draft: { partialPort: false, onDemandActivation: false, ...draft },
    processingStatus: text("ProcessingStatus")?.toUpperCase(),
    present: new Set(Object.keys(draft)),
    resetAddress: serviceNode
      ? bool(textOf(serviceNode.ResetAddressFields, "ResetAddressFields"), "ResetAddressFields") === true
      : false,
  };
}

/**
 * A SUPP as the changes a submitted order accepts (SPEC 8). Fields it cannot change must equal the order's, and a
 * PIN or account number that lost its leading zeros on a GET-then-PUT is refused rather than sent to the carrier.
 */
export function suppChanges(
  parsed: ParsedLnpOrder,
  current: { details: OrderDraft & { pin?: string | null }; pinPlain: string | null },
): OrderChanges {
  const { draft, present } = parsed;
  const changes: OrderChanges = {};
  const shortened = (sent: string | undefined, stored: string | null | undefined) =>
    sent !== undefined && stored && sent !== stored && /^0+/.test(stored) && stored.replace(/^0+/, "") === sent;
  if (shortened(draft.pin, current.pinPlain)) {
    throw new BandwidthError(400, "7313", "WirelessInfo/PinNumber lost its leading zeros: send the PIN as text.");
  }
  if (shortened(draft.accountNumber, current.details.accountNumber)) {
    throw new BandwidthError(400, "7313", "WirelessInfo/AccountNumber lost its leading zeros: send it as text.");
  }
  for (const fixed of ["customerOrderRef", "loaAuthorizingPerson"] as const) {
    if (present.has(fixed) && draft[fixed] !== current.details[fixed]) {
      throw new BandwidthError(
        400,
        "7314",
        `${fixed === "customerOrderRef" ? "CustomerOrderId" : "LoaAuthorizingPerson"} cannot change after submission.`,
      );
    }
  }
  if (present.has("tns") && draft.tns) {
    changes.tns = draft.tns;
  }
  if (present.has("btn") && draft.btn && draft.btn !== current.details.btn) {
    changes.btn = draft.btn;
  }
  if (present.has("replacementBtn") && draft.replacementBtn !== current.details.replacementBtn) {
    changes.replacementBtn = draft.replacementBtn ?? null;
  }
  if (present.has("accountNumber") && draft.accountNumber !== current.details.accountNumber) {
    changes.accountNumber = draft.accountNumber || null;
  }
  if (present.has("pin") && draft.pin !== current.pinPlain) {
    changes.pin = draft.pin || null;
  }
  if (present.has("serviceAddress") && draft.serviceAddress) {
    const before = current.details.serviceAddress ?? {};
    const changed = Object.fromEntries(
      Object.entries(draft.serviceAddress).filter(([k, v]) => (before as Record<string, unknown>)[k] !== v),
    );
    if (Object.keys(changed).length > 0) {
      changes.serviceAddress = (parsed.resetAddress ? draft.serviceAddress : changed) as OrderChanges["serviceAddress"];
    }
  }
  if (present.has("requestedFoc") && draft.requestedFoc) {
    changes.requestedFoc = draft.requestedFoc;
  }
  return changes;
}
