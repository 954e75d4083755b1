const dateTime = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "America/New_York",
});

/** Dates are shown in US Eastern, the zone porting runs on, and say so. */
export function formatEastern(value: Date | string | null | undefined): string {
  if (!value) {
    return "—";
  }
  return `${dateTime.format(new Date(value))} ET`;
}
