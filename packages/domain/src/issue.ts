/** A problem with one piece of user input (a token as the user typed it). */
export interface Issue {
  input: string;
  code: string;
  message: string;
}

/** A problem with one field of a form or wire shape; `field` is a dotted path such as `serviceAddress.zip`. */
export interface FieldIssue {
  field: string;
  code: string;
  message: string;
}

export type Result<T, E> = ({ ok: true } & T) | { ok: false; error: E };
