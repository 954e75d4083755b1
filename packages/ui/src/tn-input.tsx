"use client";

import { parseTns } from "@portway/domain";
import { useDeferredValue, useId, useMemo } from "react";
import { keyed } from "./keyed";

export interface TnInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** Errors the server returned for this field, shown under the per-number ones. */
  serverErrors?: readonly string[];
  rows?: number;
  hint?: string;
  /** Most per-number errors listed at once (the count says how many more). */
  maxListed?: number;
}

/**
 * Telephone numbers in any SPEC 3 format, checked with the domain parser as the user types or pastes: each invalid
 * entry is listed with its reason, duplicates and suspicious numbers as warnings.
 */
export function TnInput({ label, value, onChange, serverErrors = [], rows = 8, hint, maxListed = 50 }: TnInputProps) {
  const id = useId();
  const deferred = useDeferredValue(value);
  const parsed = useMemo(() => parseTns(deferred), [deferred]);
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const hasErrors = parsed.errors.length > 0 || serverErrors.length > 0;
  return (
    <div className="tn-input">
      <label htmlFor={id}>{label}</label>
      <p id={hintId} className="field-hint">
        {hint ??
          "One number per line or separated by commas; formats like (202) 555-0123, +1 202 555 0123 and ranges 2025550100-0199 work."}
      </p>
      <textarea
        id={id}
        rows={rows}
        value={value}
        spellCheck={false}
        aria-invalid={hasErrors}
        aria-describedby={`${hintId} ${errorId}`}
        onChange={(event) => onChange(event.target.value)}
      />
      <div id={errorId} aria-live="polite">
        <p className="tn-input__count">
          {parsed.tns.length.toLocaleString("en-US")} valid number{parsed.tns.length === 1 ? "" : "s"}
          {parsed.errors.length > 0 ? `, ${parsed.errors.length.toLocaleString("en-US")} invalid` : ""}
          {parsed.warnings.length > 0
            ? `, ${parsed.warnings.length} warning${parsed.warnings.length === 1 ? "" : "s"}`
            : ""}
        </p>
        {parsed.errors.length > 0 ? (
          <ul className="field-errors" aria-label="Invalid numbers">
            {keyed(parsed.errors.slice(0, maxListed), (e) => `${e.input}-${e.code}`).map(({ key, item: error }) => (
              <li key={key}>
                <strong>{error.input}</strong>: {error.message}
              </li>
            ))}
            {parsed.errors.length > maxListed ? <li>…and {parsed.errors.length - maxListed} more</li> : null}
          </ul>
        ) : null}
        {parsed.warnings.length > 0 ? (
          <ul className="field-warnings" aria-label="Warnings">
            {keyed(parsed.warnings.slice(0, 10), (w) => `${w.input}-${w.code}`).map(({ key, item: warning }) => (
              <li key={key}>
                <strong>{warning.input}</strong>: {warning.message}
              </li>
            ))}
          </ul>
        ) : null}
        {serverErrors.length > 0 ? (
          <ul className="field-errors">
            {serverErrors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}
