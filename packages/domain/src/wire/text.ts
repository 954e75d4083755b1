import { z } from "zod";

// A UTF-16 surrogate that is not half of a pair; with NUL, what PostgreSQL cannot store as text.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nul = String.fromCharCode(0);

/**
 * The one string schema for text input: at most `max` characters, trimmed (unless `trim: false`, for half-typed
 * drafts), no NUL and no lone surrogate.
 */
export function textInput(max: number, what = "This text", options: { trim?: boolean } = {}) {
  return (options.trim === false ? z.string() : z.string().trim())
    .max(max, { message: `${what} may be at most ${max.toLocaleString("en-US")} characters.` })
    .refine((value) => !value.includes(nul) && !loneSurrogate.test(value), {
      message: `${what} contains a character that cannot be stored (NUL or a broken emoji).`,
    });
}

/** A text input that must not be empty (after trimming): `label is required.` otherwise. */
export function requiredText(max: number, label: string) {
  return textInput(max, label).min(1, { message: `${label} is required.` });
}

/** The id of a stored row (orders, drafts, documents, accounts…): a UUID, so a malformed one is a 400, never a 500. */
export function idInput(what = "This id") {
  return z.uuid({ message: `${what} must be a UUID.` });
}

/** A user's id (issued by the sign-in library, not a UUID): short text of the characters it uses. */
export function userIdInput(what = "This user id") {
  return z
    .string()
    .min(1, { message: `${what} is required.` })
    .max(64, { message: `${what} may be at most 64 characters.` })
    .regex(/^[A-Za-z0-9_-]+$/, { message: `${what} has characters a user id never has.` });
}

/** File content as base64, at most `maxChars` characters: only the base64 alphabet (and line breaks). */
export function base64Input(maxChars: number, what = "The file") {
  return z
    .string()
    .max(maxChars, { message: `${what} is too large.` })
    .regex(/^[A-Za-z0-9+/=\r\n]*$/, { message: `${what} must be sent as base64.` });
}
