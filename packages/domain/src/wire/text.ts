import { z } from "zod";

// A UTF-16 surrogate that is not half of a pair; with NUL, what PostgreSQL cannot store as text.
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const nul = String.fromCharCode(0);

/** The one string schema for text input: at most `max` characters, trimmed, no NUL and no lone surrogate. */
export function textInput(max: number, what = "This text") {
  return z
    .string()
    .trim()
    .max(max, { message: `${what} may be at most ${max.toLocaleString("en-US")} characters.` })
    .refine((value) => !value.includes(nul) && !loneSurrogate.test(value), {
      message: `${what} contains a character that cannot be stored (NUL or a broken emoji).`,
    });
}
