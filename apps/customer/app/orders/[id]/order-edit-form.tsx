"use client";

import {
  easternDate,
  easternToInstant,
  type OrderChanges,
  orderChangesSchema,
  parseTn,
  parseTns,
  toEasternWallTime,
  toFieldIssues,
  US_STATES,
} from "@portway/domain";
import { FocPicker, TnInput } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { Field, FormErrors } from "@/components/field";
import { errorsByField, type FieldMessages, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";
import type { OrderDetail } from "./order-types";

const ADDRESS_KEYS = ["houseNumber", "street", "unit", "city", "state", "zip"] as const;
type AddressKey = (typeof ADDRESS_KEYS)[number];

const labels: Record<string, string> = {
  "serviceAddress.houseNumber": "House number",
  "serviceAddress.street": "Street",
  "serviceAddress.unit": "Unit (optional)",
  "serviceAddress.city": "City",
  "serviceAddress.state": "State",
  "serviceAddress.zip": "ZIP code",
  accountNumber: "Account number at the losing carrier",
  pin: "PIN (port-out passcode)",
  btn: "Billing telephone number (BTN)",
  replacementBtn: "Replacement BTN",
  tns: "Telephone numbers",
  partialPort: "Partial port",
  requestedFoc: "Requested FOC",
};

/** The fields this form shows its errors beside; any other field's errors are listed above the button. */
const FIELDS_WITH_ERRORS: readonly string[] = [
  ...ADDRESS_KEYS.map((key) => `serviceAddress.${key}`),
  "accountNumber",
  "pin",
  "btn",
  "replacementBtn",
  "tns",
  "requestedFoc",
  "date",
];

interface Values {
  address: Record<AddressKey, string>;
  accountNumber: string;
  pin: string;
  btn: string;
  replacementBtn: string;
  partialPort: boolean;
  tns: string;
  focDate: string;
  focTime: string;
}

function initialValues(detail: OrderDetail): Values {
  const d = detail.order.details;
  const address = d.serviceAddress ?? {};
  const foc = d.requestedFoc ? toEasternWallTime(new Date(d.requestedFoc).getTime()) : null;
  return {
    address: Object.fromEntries(ADDRESS_KEYS.map((k) => [k, String(address[k] ?? "")])) as Record<AddressKey, string>,
    accountNumber: d.accountNumber ?? "",
    pin: "",
    btn: d.btn ?? "",
    replacementBtn: d.replacementBtn ?? "",
    partialPort: d.partialPort ?? false,
    tns: detail.tns.map((t) => t.tn).join("\n"),
    focDate: foc?.date ?? "",
    focTime: foc?.time ?? "",
  };
}

/** Only what the user changed, in the wire shape; TNs are parsed with the domain parser. */
function buildChanges(fields: readonly string[], values: Values, before: Values, local: FieldMessages): OrderChanges {
  const changes: OrderChanges = {};
  const address: Partial<Record<AddressKey, string>> = {};
  for (const key of ADDRESS_KEYS) {
    if (fields.includes(`serviceAddress.${key}`) && values.address[key].trim() !== before.address[key].trim()) {
      address[key] = values.address[key].trim();
    }
  }
  if (Object.keys(address).length > 0) {
    changes.serviceAddress = address as OrderChanges["serviceAddress"];
  }
  if (fields.includes("accountNumber") && values.accountNumber.trim() !== before.accountNumber.trim()) {
    changes.accountNumber = values.accountNumber.trim() || null;
  }
  if (fields.includes("pin") && values.pin.trim() !== "") {
    changes.pin = values.pin.trim();
  }
  const tn = (field: "btn" | "replacementBtn", value: string) => {
    const parsed = parseTn(value);
    if (!parsed.ok) {
      local[field] = [`${labels[field]}: ${parsed.error.message}`];
      return undefined;
    }
    return parsed.tn;
  };
  if (fields.includes("btn") && values.btn.trim() !== before.btn.trim()) {
    changes.btn = tn("btn", values.btn);
  }
  if (fields.includes("replacementBtn") && values.replacementBtn.trim() !== before.replacementBtn.trim()) {
    changes.replacementBtn = values.replacementBtn.trim() ? tn("replacementBtn", values.replacementBtn) : null;
  }
  if (fields.includes("partialPort") && values.partialPort !== before.partialPort) {
    changes.partialPort = values.partialPort;
  }
  if (fields.includes("tns") && values.tns !== before.tns) {
    const parsed = parseTns(values.tns);
    if (parsed.errors.length > 0) {
      local.tns = parsed.errors.map((e) => `${e.input}: ${e.message}`);
    }
    changes.tns = parsed.tns;
  }
  if (
    fields.includes("requestedFoc") &&
    (values.focDate !== before.focDate || values.focTime !== before.focTime) &&
    values.focDate &&
    values.focTime
  ) {
    changes.requestedFoc = easternToInstant(values.focDate, values.focTime) ?? "";
  }
  return changes;
}

export interface OrderEditFormProps {
  detail: OrderDetail;
  /** The fields to show (dotted names of the order schema): only these can change. */
  fields: readonly string[];
  /** Values from the CSR the user can adopt with one click, by field. */
  csrValues?: Record<string, string>;
  submitLabel: string;
  heading: string;
  explanation?: string;
  onDone: (message: string) => void;
}

/** Changes a submitted order (SPEC 8): before FOC as a CHANGE SUPP; for a rejected order, the fix and resubmit. */
export function OrderEditForm({
  detail,
  fields,
  csrValues = {},
  submitLabel,
  heading,
  explanation,
  onDone,
}: OrderEditFormProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [before] = useState(() => initialValues(detail));
  const [values, setValues] = useState(before);
  const [local, setLocal] = useState<FieldMessages>({});
  const edit = useMutation(trpc.orders.edit.mutationOptions());
  const foc = useQuery({
    ...trpc.foc.forOrder.queryOptions({ orderId: detail.order.id }),
    enabled: fields.includes("requestedFoc"),
  });
  const server = edit.error ? errorsByField(edit.error) : {};
  const errorsOf = (field: string) => [...(local[field] ?? []), ...messagesFor(server, field)];
  const shown = (field: string) => fields.includes(field);
  // The rules judge the whole order (SPEC 5, 8): an issue about a field this form does not show still reaches the
  // user, named, above the button.
  const showsErrorsOf = (key: string) =>
    FIELDS_WITH_ERRORS.some(
      (field) =>
        (key === field || key.startsWith(`${field}.`) || key.endsWith(`.${field}`)) &&
        shown(field === "date" ? "requestedFoc" : field),
    );
  const elsewhere = Object.entries(server).flatMap(([field, messages]) =>
    field === "_form" || showsErrorsOf(field) ? [] : messages.map((message) => `${labels[field] ?? field}: ${message}`),
  );

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: FieldMessages = {};
    const changes = buildChanges(fields, values, before, problems);
    const parsed = orderChangesSchema.safeParse(changes);
    if (!parsed.success) {
      for (const issue of toFieldIssues(parsed.error)) {
        problems[issue.field] = [...(problems[issue.field] ?? []), issue.message];
      }
    }
    if (Object.keys(changes).length === 0) {
      problems._form = ["Nothing changed yet: change at least one field."];
    }
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    edit.reset();
    try {
      const result = await edit.mutateAsync({
        orderId: detail.order.id,
        baseVersion: detail.order.version,
        changes,
      });
      await queryClient.invalidateQueries({ queryKey: trpc.orders.get.queryKey({ orderId: detail.order.id }) });
      onDone(
        result.status === "CSR_REVIEW"
          ? "Sent. The losing carrier checks the order again (CSR phase)."
          : `Saved; the order is now ${result.status.replaceAll("_", " ").toLowerCase()}.`,
      );
    } catch {
      // Shown next to the fields below.
    }
  };

  useEffect(() => {
    // A form-wide message ("nothing changed yet") goes once the user changes something.
    if (values !== before) {
      setLocal((current) => (current._form ? { ...current, _form: [] } : current));
    }
  }, [values, before]);

  const setAddress = (key: AddressKey, value: string) =>
    setValues((v) => ({ ...v, address: { ...v.address, [key]: value } }));
  const adopt = (field: string) => {
    const value = csrValues[field];
    return value === undefined ? null : (
      <button
        type="button"
        className="button--quiet adopt-button"
        onClick={() => {
          if (field.startsWith("serviceAddress.")) {
            setAddress(field.slice("serviceAddress.".length) as AddressKey, value);
          } else if (field === "accountNumber" || field === "btn") {
            setValues((v) => ({ ...v, [field]: value }));
          }
        }}
      >
        Use the CSR's value: {value}
      </button>
    );
  };

  return (
    <form className="edit-form" onSubmit={submit} noValidate aria-label={heading}>
      <h3>{heading}</h3>
      {explanation ? <p className="muted">{explanation}</p> : null}
      <div className="form-grid">
        {ADDRESS_KEYS.filter((k) => shown(`serviceAddress.${k}`)).map((key) => {
          const field = `serviceAddress.${key}`;
          return (
            <Field key={key} label={labels[field] ?? key} errors={errorsOf(field)}>
              {(ids) =>
                key === "state" ? (
                  <>
                    <select
                      id={ids.id}
                      aria-describedby={ids.describedBy}
                      aria-invalid={ids.invalid}
                      value={values.address.state}
                      onChange={(e) => setAddress("state", e.target.value)}
                    >
                      <option value="">Choose a state</option>
                      {US_STATES.map((s) => (
                        <option key={s} value={s}>
                          {s}
                        </option>
                      ))}
                    </select>
                    {adopt(field)}
                  </>
                ) : (
                  <>
                    <input
                      id={ids.id}
                      aria-describedby={ids.describedBy}
                      aria-invalid={ids.invalid}
                      value={values.address[key]}
                      onChange={(e) => setAddress(key, e.target.value)}
                    />
                    {adopt(field)}
                  </>
                )
              }
            </Field>
          );
        })}
        {shown("accountNumber") ? (
          <Field label={labels.accountNumber ?? ""} errors={errorsOf("accountNumber")}>
            {(ids) => (
              <>
                <input
                  id={ids.id}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                  value={values.accountNumber}
                  onChange={(e) => setValues((v) => ({ ...v, accountNumber: e.target.value }))}
                />
                {adopt("accountNumber")}
              </>
            )}
          </Field>
        ) : null}
        {shown("pin") ? (
          <Field
            label={labels.pin ?? ""}
            errors={errorsOf("pin")}
            hint={`Leave empty to keep the current PIN (${detail.order.details.pin ?? "none"}); it travels with the account number.`}
          >
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
                value={values.pin}
                autoComplete="off"
                onChange={(e) => setValues((v) => ({ ...v, pin: e.target.value }))}
              />
            )}
          </Field>
        ) : null}
        {shown("btn") ? (
          <Field label={labels.btn ?? ""} errors={errorsOf("btn")}>
            {(ids) => (
              <>
                <input
                  id={ids.id}
                  aria-describedby={ids.describedBy}
                  aria-invalid={ids.invalid}
                  value={values.btn}
                  onChange={(e) => setValues((v) => ({ ...v, btn: e.target.value }))}
                />
                {adopt("btn")}
              </>
            )}
          </Field>
        ) : null}
        {shown("partialPort") ? (
          <div className="field">
            <label>
              <input
                type="checkbox"
                checked={values.partialPort}
                onChange={(e) => setValues((v) => ({ ...v, partialPort: e.target.checked }))}
              />{" "}
              Partial port (other numbers stay on the account at the losing carrier)
            </label>
          </div>
        ) : null}
        {shown("replacementBtn") && values.partialPort ? (
          <Field
            label={labels.replacementBtn ?? ""}
            errors={errorsOf("replacementBtn")}
            hint="Needed when the BTN itself moves in a partial port."
          >
            {(ids) => (
              <input
                id={ids.id}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
                value={values.replacementBtn}
                onChange={(e) => setValues((v) => ({ ...v, replacementBtn: e.target.value }))}
              />
            )}
          </Field>
        ) : null}
      </div>
      {shown("tns") ? (
        <TnInput
          label={labels.tns ?? "Telephone numbers"}
          value={values.tns}
          rows={4}
          onChange={(tns) => setValues((v) => ({ ...v, tns }))}
          serverErrors={errorsOf("tns")}
        />
      ) : null}
      {shown("requestedFoc") ? (
        <FocPicker
          options={foc.data}
          date={values.focDate}
          time={values.focTime}
          onChange={(next) => setValues((v) => ({ ...v, focDate: next.date, focTime: next.time }))}
          errors={[...errorsOf("requestedFoc"), ...errorsOf("date")]}
        />
      ) : null}
      <FormErrors messages={[...(local._form ?? []), ...(server._form ?? []), ...elsewhere]} />
      <button type="submit" disabled={edit.isPending}>
        {edit.isPending ? "Sending…" : submitLabel}
      </button>
      {detail.order.details.requestedFoc && !shown("requestedFoc") ? (
        <p className="muted">Requested FOC stays {easternDate(detail.order.details.requestedFoc)} (ET).</p>
      ) : null}
    </form>
  );
}
