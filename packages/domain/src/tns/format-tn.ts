export type TnFormat = "E164" | "DIGITS" | "NATIONAL" | "DASHED";

/**
 * Renders a canonical E.164 NANP number: `E164` for storage and APIs, `DIGITS` (10 digits) towards the partner and
 * the LSPs, `NATIONAL` `(202) 555-0123` and `DASHED` `202-555-0123` for people. Returns the input unchanged when it
 * is not a canonical `+1` number.
 */
export function formatTn(tn: string, format: TnFormat): string {
  if (tn.length !== 12 || !tn.startsWith("+1")) {
    return tn;
  }
  const npa = tn.slice(2, 5);
  const nxx = tn.slice(5, 8);
  const line = tn.slice(8);
  switch (format) {
    case "E164":
      return tn;
    case "DIGITS":
      return tn.slice(2);
    case "NATIONAL":
      return `(${npa}) ${nxx}-${line}`;
    case "DASHED":
      return `${npa}-${nxx}-${line}`;
  }
}

/** The 10-digit form sent to the partner and to LSPs. */
export function toPartnerTn(tn: string): string {
  return formatTn(tn, "DIGITS");
}
