"use client";

import { easternToInstant } from "@portway/domain";
import { useEffect, useId, useState } from "react";

export interface FocPickerOptions {
  /** Valid dates, `YYYY-MM-DD` (ET). */
  dates: readonly string[];
  times: readonly { time: string; outsideSupportHours: boolean }[];
  earliest: string;
  latest: string;
}

export interface FocPickerProps {
  options: FocPickerOptions | undefined;
  date: string;
  time: string;
  onChange: (next: { date: string; time: string }) => void;
  errors?: readonly string[];
  disabled?: boolean;
  /** Dates before this one (ET) are earlier than the losing carrier usually commits: marked as likely to be moved. */
  likelyMovedBefore?: string | null;
}

const dayLabel = new Intl.DateTimeFormat("en-US", {
  weekday: "short",
  month: "short",
  day: "numeric",
  year: "numeric",
  timeZone: "UTC",
});

function labelOfDate(date: string): string {
  return dayLabel.format(new Date(`${date}T12:00:00Z`));
}

/** The user's own zone, known only in the browser (after hydration, so server and client render alike). */
function useBrowserZone(): string | null {
  const [zone, setZone] = useState<string | null>(null);
  useEffect(() => setZone(Intl.DateTimeFormat().resolvedOptions().timeZone), []);
  return zone;
}

/**
 * The FOC planner: a date select that offers only valid dates (computed by the domain on the server with the
 * business calendar) and a time select in US Eastern, with the chosen moment also shown in the user's own zone.
 */
export function FocPicker({
  options,
  date,
  time,
  onChange,
  errors = [],
  disabled,
  likelyMovedBefore = null,
}: FocPickerProps) {
  const id = useId();
  const zone = useBrowserZone();
  const instant = date && time ? easternToInstant(date, time) : null;
  const chosen = options?.times.find((t) => t.time === time);
  const local =
    instant && zone
      ? new Intl.DateTimeFormat("en-US", {
          weekday: "short",
          month: "short",
          day: "numeric",
          hour: "numeric",
          minute: "2-digit",
          timeZone: zone,
          timeZoneName: "short",
        }).format(new Date(instant))
      : null;
  return (
    <fieldset className="foc-picker" disabled={disabled}>
      <legend>Requested FOC (firm order commitment)</legend>
      <div className="foc-picker__row">
        <div className="foc-picker__control">
          <label htmlFor={`${id}-date`}>FOC date</label>
          <select
            id={`${id}-date`}
            value={date}
            aria-invalid={errors.length > 0}
            aria-describedby={`${id}-help ${id}-errors`}
            onChange={(event) => onChange({ date: event.target.value, time })}
          >
            <option value="">{options ? "Choose a business day" : "Loading dates…"}</option>
            {options?.dates.map((d) => (
              <option key={d} value={d}>
                {labelOfDate(d)}
                {likelyMovedBefore && d < likelyMovedBefore ? " (likely to be moved)" : ""}
              </option>
            ))}
          </select>
        </div>
        <div className="foc-picker__control">
          <label htmlFor={`${id}-time`}>FOC time</label>
          <select
            id={`${id}-time`}
            value={time}
            aria-describedby={`${id}-zone`}
            onChange={(event) => onChange({ date, time: event.target.value })}
          >
            <option value="">Choose a time (ET)</option>
            {options?.times.map((t) => (
              <option key={t.time} value={t.time}>
                {t.time} ET{t.outsideSupportHours ? " (outside support hours)" : ""}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p id={`${id}-help`} className="field-hint">
        {options
          ? `Only business days from ${labelOfDate(options.earliest)} (the earliest FOC) to ${labelOfDate(options.latest)} are offered; weekends and porting holidays are left out.`
          : "Valid dates are computed from the port type, the losing carrier and the holiday calendar."}
        {likelyMovedBefore && options?.dates.some((d) => d < likelyMovedBefore)
          ? ` Dates before ${labelOfDate(likelyMovedBefore)} are earlier than the losing carrier usually commits: likely to be moved.`
          : ""}
      </p>
      <p id={`${id}-zone`} className="foc-picker__zone" aria-live="polite">
        {instant ? (
          <>
            {labelOfDate(date)} at {time} ET{local ? ` = ${local} in your zone (${zone})` : ""}.
          </>
        ) : (
          "Times are US Eastern (ET)."
        )}
        {chosen?.outsideSupportHours ? " Outside 08:00-20:00 ET: allowed, but support may be slower." : ""}
      </p>
      <div id={`${id}-errors`}>
        {errors.length > 0 ? (
          <ul className="field-errors">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </fieldset>
  );
}
