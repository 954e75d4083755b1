/** A field's messages from a tRPC error: zod's field errors and the domain's `{ code, field, issues }`. */
export type FieldMessages = Record<string, string[]>;

interface ErrorData {
  fieldErrors?: Record<string, string[] | undefined> | null;
  domain?: { code: string; field: string | null; issues: { field: string; code: string; message: string }[] } | null;
}

function add(into: FieldMessages, field: string, message: string) {
  const list = into[field] ?? [];
  if (!list.includes(message)) {
    list.push(message);
  }
  into[field] = list;
}

/** Groups every message of a failed call by the field it concerns; `_form` holds what concerns no field. */
export function errorsByField(error: unknown): FieldMessages {
  const out: FieldMessages = {};
  if (!error) {
    return out;
  }
  const data = (error as { data?: ErrorData }).data;
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    for (const message of messages ?? []) {
      add(out, field, message);
    }
  }
  const domain = data?.domain;
  if (domain) {
    if (domain.issues.length > 0) {
      for (const issue of domain.issues) {
        add(out, issue.field || domain.field || "_form", issue.message);
      }
    } else {
      add(out, domain.field || "_form", (error as Error).message);
    }
  }
  if (Object.keys(out).length === 0) {
    add(out, "_form", (error as Error).message || "Something went wrong; try again.");
  }
  return out;
}

/** Messages of a field and of its sub-fields (`serviceAddress` picks `serviceAddress.zip` too). */
export function messagesFor(errors: FieldMessages, field: string): string[] {
  return Object.entries(errors)
    .filter(([key]) => key === field || key.startsWith(`${field}.`) || key.endsWith(`.${field}`))
    .flatMap(([, messages]) => messages);
}
