import { stringify } from "csv-stringify/sync";

/** One value of an exported CSV: text is neutralised and quoted as needed; numbers are written as they are. */
export type CsvValue = string | number | null | undefined;

/**
 * A character a spreadsheet (Excel, LibreOffice, Google Sheets) may start a formula or a DDE command with: = + - @, and
 * tab and CR, which some strip before reading the rest. Leading spaces and quotes are looked through, since they are
 * trimmed or eaten on import too (`  =1+1`, `"=1+1`).
 */
const formulaStart = /^[\s"']*[=+\-@\t\r]/;

/**
 * Makes a text cell inert: one with a formula start is prefixed with an apostrophe (OWASP's CSV injection advice), so
 * it opens as the text it is. Everything else, and every number (a negative amount stays a number), is unchanged.
 */
export function neutraliseFormula(value: string): string {
  return formulaStart.test(value) ? `'${value}` : value;
}

/**
 * The one CSV writer of every export: RFC 4180 records ended by CRLF (csv-stringify quotes a field with a comma, a
 * quote, a CR or an LF, and doubles its quotes), each text cell passed through neutraliseFormula first.
 */
export function csvRecords(rows: readonly (readonly CsvValue[])[]): string {
  return stringify(
    rows.map((row) => row.map((value) => (value === null || value === undefined ? "" : value))),
    {
      record_delimiter: "windows",
      // With CRLF records csv-stringify quotes only a CRLF; a lone CR or LF in a cell must be quoted too.
      quoted_match: /[\r\n]/,
      cast: { string: (value) => neutraliseFormula(value), number: (value) => String(value) },
    },
  );
}
