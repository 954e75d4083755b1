import type { z } from "zod";
import type { FieldIssue } from "../issue";

function codeOf(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return "REQUIRED";
  }
  if (issue.code === "too_big") {
    return "TOO_LONG";
  }
  if (issue.code === "too_small") {
    if (issue.origin === "string" || issue.origin === "array") {
      return Number(issue.minimum) <= 1 ? "REQUIRED" : "TOO_SHORT";
    }
    return "TOO_SMALL";
  }
  return "INVALID";
}

/** Zod issues as field issues: dotted path, a closed set of codes, the schema's message. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    field: issue.path.map(String).join("."),
    code: codeOf(issue),
    message: codeOf(issue) === "REQUIRED" && issue.code === "invalid_type" ? "This field is required." : issue.message,
  }));
}
