import {
  addressSchema,
  easternToInstant,
  type OrderDraft,
  parseTn,
  parseTns,
  subscriberSchema,
  toEasternWallTime,
  toFieldIssues,
} from "@portway/domain";
import type { FieldMessages } from "@/lib/errors";

export const STEPS = ["Numbers", "Account details", "Documents", "Requested FOC", "Review and submit"] as const;

export interface WizardValues {
  tnsText: string;
  customerOrderRef: string;
  subscriberType: "BUSINESS" | "RESIDENTIAL";
  businessName: string;
  firstName: string;
  lastName: string;
  loaAuthorizingPerson: string;
  btn: string;
  partialPort: boolean;
  replacementBtn: string;
  accountNumber: string;
  pin: string;
  houseNumber: string;
  street: string;
  unit: string;
  city: string;
  state: string;
  zip: string;
  focDate: string;
  focTime: string;
  onDemandActivation: boolean;
  notes: string;
}

export function valuesFromDraft(data: OrderDraft | undefined, initialTns: string): WizardValues {
  const d = data ?? {};
  const foc = d.requestedFoc ? toEasternWallTime(new Date(d.requestedFoc).getTime()) : null;
  return {
    tnsText: d.tns && d.tns.length > 0 ? d.tns.join("\n") : initialTns,
    customerOrderRef: d.customerOrderRef ?? "",
    subscriberType: d.subscriber?.type ?? "BUSINESS",
    businessName: d.subscriber?.businessName ?? "",
    firstName: d.subscriber?.firstName ?? "",
    lastName: d.subscriber?.lastName ?? "",
    loaAuthorizingPerson: d.loaAuthorizingPerson ?? "",
    btn: d.btn ?? "",
    partialPort: d.partialPort ?? false,
    replacementBtn: d.replacementBtn ?? "",
    accountNumber: d.accountNumber ?? "",
    pin: d.pin ?? "",
    houseNumber: d.serviceAddress?.houseNumber ?? "",
    street: d.serviceAddress?.street ?? "",
    unit: d.serviceAddress?.unit ?? "",
    city: d.serviceAddress?.city ?? "",
    state: d.serviceAddress?.state ?? "",
    zip: d.serviceAddress?.zip ?? "",
    focDate: foc && !Number.isNaN(foc.minuteOfDay) ? foc.date : "",
    focTime: foc && !Number.isNaN(foc.minuteOfDay) ? foc.time : "",
    onDemandActivation: d.onDemandActivation ?? false,
    notes: d.notes ?? "",
  };
}

function canonicalTn(value: string): string | undefined {
  if (!value.trim()) {
    return undefined;
  }
  const parsed = parseTn(value);
  return parsed.ok ? parsed.tn : value.trim();
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/** The draft as saved and as the preview and submit take it (formats are checked by the server at submit). */
export function draftFromValues(v: WizardValues): OrderDraft {
  const requestedFoc = v.focDate && v.focTime ? (easternToInstant(v.focDate, v.focTime) ?? undefined) : undefined;
  return {
    tns: parseTns(v.tnsText).tns,
    btn: canonicalTn(v.btn),
    partialPort: v.partialPort,
    replacementBtn: v.partialPort ? canonicalTn(v.replacementBtn) : undefined,
    subscriber:
      v.subscriberType === "BUSINESS"
        ? { type: "BUSINESS", businessName: optional(v.businessName) }
        : { type: "RESIDENTIAL", firstName: optional(v.firstName), lastName: optional(v.lastName) },
    accountNumber: optional(v.accountNumber),
    pin: optional(v.pin),
    serviceAddress: {
      houseNumber: optional(v.houseNumber),
      street: optional(v.street),
      unit: optional(v.unit),
      city: optional(v.city),
      state: optional(v.state.toUpperCase()),
      zip: optional(v.zip),
    },
    loaAuthorizingPerson: optional(v.loaAuthorizingPerson),
    requestedFoc,
    onDemandActivation: v.onDemandActivation,
    customerOrderRef: optional(v.customerOrderRef),
    notes: optional(v.notes),
  };
}

function push(into: FieldMessages, field: string, message: string) {
  into[field] = [...(into[field] ?? []), message];
}

/** Checks one step in the browser with the domain's parser and zod schemas (the server checks again at submit). */
export function validateStep(step: number, v: WizardValues): FieldMessages {
  const errors: FieldMessages = {};
  if (step === 0) {
    const parsed = parseTns(v.tnsText);
    for (const error of parsed.errors) {
      push(errors, "tns", `${error.input}: ${error.message}`);
    }
    if (parsed.tns.length === 0 && parsed.errors.length === 0) {
      push(errors, "tns", "Add at least one telephone number.");
    }
  }
  if (step === 1) {
    if (!v.customerOrderRef.trim()) {
      push(errors, "customerOrderRef", "Customer order reference is required.");
    }
    const subscriber = subscriberSchema.safeParse(
      v.subscriberType === "BUSINESS"
        ? { type: "BUSINESS", businessName: v.businessName }
        : { type: "RESIDENTIAL", firstName: v.firstName, lastName: v.lastName },
    );
    if (!subscriber.success) {
      for (const issue of toFieldIssues(subscriber.error)) {
        push(errors, `subscriber.${issue.field}`, issue.message);
      }
    }
    if (!v.loaAuthorizingPerson.trim()) {
      push(errors, "loaAuthorizingPerson", "Authorizing person is required.");
    }
    const btn = parseTn(v.btn);
    if (!v.btn.trim()) {
      push(errors, "btn", "The billing telephone number (BTN) is required.");
    } else if (!btn.ok) {
      push(errors, "btn", `BTN: ${btn.error.message}`);
    }
    if (v.partialPort && v.replacementBtn.trim()) {
      const replacement = parseTn(v.replacementBtn);
      if (!replacement.ok) {
        push(errors, "replacementBtn", `Replacement BTN: ${replacement.error.message}`);
      }
    }
    const address = addressSchema.safeParse({
      houseNumber: v.houseNumber,
      street: v.street,
      unit: v.unit || undefined,
      city: v.city,
      state: v.state.toUpperCase(),
      zip: v.zip,
    });
    if (!address.success) {
      for (const issue of toFieldIssues(address.error)) {
        push(errors, `serviceAddress.${issue.field}`, issue.message);
      }
    }
  }
  if (step === 3 && (!v.focDate || !v.focTime)) {
    push(errors, "requestedFoc", "Choose an FOC date and time (the losing carrier may still commit to another).");
  }
  return errors;
}

/** The step where a field of the order is entered, for links from the review. */
export function stepOfField(field: string): number {
  if (field === "tns") {
    return 0;
  }
  if (field === "documents") {
    return 2;
  }
  if (field === "requestedFoc" || field === "onDemandActivation") {
    return 3;
  }
  return 1;
}
