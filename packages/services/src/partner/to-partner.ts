import type { CarrierTypeValue } from "@portway/db";
import { type OrderDetails, type SuppChanges, toPartnerTn } from "@portway/domain";
import type { CreateOrderRequest, OrderChanges, ServiceAddress, Subscriber } from "@portway/partner";

type DomainAddress = NonNullable<OrderDetails["serviceAddress"]>;

function toPartnerAddress(address: Partial<DomainAddress> | undefined): ServiceAddress {
  return {
    houseNumber: address?.houseNumber ?? "",
    streetName: address?.street ?? "",
    unit: address?.unit ? address.unit : null,
    city: address?.city ?? "",
    state: address?.state ?? "",
    zip: address?.zip ?? "",
  };
}

function toPartnerSubscriber(subscriber: OrderDetails["subscriber"]): Subscriber {
  if (subscriber?.type === "RESIDENTIAL") {
    return { type: "RESIDENTIAL", firstName: subscriber.firstName ?? "", lastName: subscriber.lastName ?? "" };
  }
  return { type: "BUSINESS", businessName: subscriber?.businessName ?? "" };
}

/** The order as the partner's create request carries it: 10-digit TNs, its address and subscriber shapes. */
export function toCreateOrderRequest(input: {
  orderId: string;
  portType: "ON_NET" | "AUTOMATED";
  tns: readonly string[];
  details: OrderDetails;
  carrier: { spid: string; name: string; type: CarrierTypeValue };
  callbackUrl: string;
  /** What to ask for when the customer gave no FOC: the domain's default, from business time. */
  defaultFocAt: string;
}): CreateOrderRequest {
  const { details } = input;
  return {
    portType: input.portType,
    clientOrderId: input.orderId,
    tns: input.tns.map(toPartnerTn),
    btn: toPartnerTn(details.btn ?? input.tns[0] ?? ""),
    partialPort: details.partialPort ?? false,
    replacementBtn: details.replacementBtn ? toPartnerTn(details.replacementBtn) : null,
    subscriber: toPartnerSubscriber(details.subscriber),
    accountNumber: details.accountNumber ?? null,
    pin: details.pin ?? null,
    serviceAddress: toPartnerAddress(details.serviceAddress),
    authorizingPerson: details.loaAuthorizingPerson ?? "",
    requestedFocAt: details.requestedFoc ?? input.defaultFocAt,
    onDemandActivation: details.onDemandActivation ?? false,
    losingCarrier: input.carrier,
    callbackUrl: input.callbackUrl,
  };
}

/** A CHANGE SUPP's fields in the partner's shape; account number and PIN travel together. */
export function toPartnerChanges(changes: SuppChanges, current: OrderDetails): OrderChanges {
  const result: OrderChanges = {};
  if (changes.tns) {
    result.tns = changes.tns.map(toPartnerTn);
  }
  if (changes.btn) {
    result.btn = toPartnerTn(changes.btn);
  }
  if (changes.partialPort !== undefined) {
    result.partialPort = changes.partialPort;
  }
  if (changes.replacementBtn !== undefined) {
    result.replacementBtn = changes.replacementBtn ? toPartnerTn(changes.replacementBtn) : null;
  }
  if (changes.accountNumber !== undefined || changes.pin !== undefined) {
    result.account = {
      accountNumber: (changes.accountNumber !== undefined ? changes.accountNumber : current.accountNumber) ?? null,
      pin: (changes.pin !== undefined ? changes.pin : current.pin) ?? null,
    };
  }
  if (changes.serviceAddress) {
    result.serviceAddress = toPartnerAddress({ ...current.serviceAddress, ...changes.serviceAddress });
  }
  if (changes.requestedFoc) {
    result.requestedFocAt = changes.requestedFoc;
  }
  return result;
}

/** A 10-digit partner TN back to E.164. */
export function fromPartnerTn(tn: string): string {
  return `+1${tn}`;
}
