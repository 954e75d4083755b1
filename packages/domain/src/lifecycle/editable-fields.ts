import type { OrderStatus } from "./order";

const ADDRESS_FIELDS = [
  "serviceAddress.houseNumber",
  "serviceAddress.street",
  "serviceAddress.unit",
  "serviceAddress.city",
  "serviceAddress.state",
  "serviceAddress.zip",
];

/** The fields SPEC 8 lets the customer change before FOC. */
export const PRE_FOC_EDITABLE_FIELDS: readonly string[] = [
  "tns",
  "btn",
  "partialPort",
  "replacementBtn",
  "accountNumber",
  "pin",
  ...ADDRESS_FIELDS,
  "requestedFoc",
];

/** Every field of the order schema (a draft may change all of them). */
export const ORDER_FIELDS: readonly string[] = [
  ...PRE_FOC_EDITABLE_FIELDS,
  "subscriber.type",
  "subscriber.businessName",
  "subscriber.firstName",
  "subscriber.lastName",
  "loaAuthorizingPerson",
  "onDemandActivation",
  "customerOrderRef",
  "documents",
  "notes",
];

const AFTER_FOC: readonly string[] = ["requestedFoc"];
const NONE: readonly string[] = [];

/** Field names (of the order schema, dotted) the customer may change in a status. */
export function editableFields(status: OrderStatus): readonly string[] {
  switch (status) {
    case "DRAFT":
      return ORDER_FIELDS;
    case "SUBMITTED":
    case "CSR_REVIEW":
    case "PENDING_FOC":
    case "EXCEPTION":
      return PRE_FOC_EDITABLE_FIELDS;
    case "FOC":
      return AFTER_FOC;
    case "SUPP_PENDING":
    case "COMPLETE":
    case "CANCELLED":
      return NONE;
  }
}

/** Why a field is locked in a status, for the portal to say; null when it is editable. */
export function explainLockedField(status: OrderStatus, field: string): string | null {
  if (editableFields(status).includes(field)) {
    return null;
  }
  switch (status) {
    case "FOC":
      return "After FOC only the requested FOC date can change (a reschedule).";
    case "SUPP_PENDING":
      return "A change is waiting for the losing carrier; nothing can change until it answers.";
    case "COMPLETE":
    case "CANCELLED":
      return "The order is closed.";
    default:
      return "This field is fixed once the order is submitted; cancel and submit a new order to change it.";
  }
}
