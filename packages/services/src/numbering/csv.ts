import { CsvError, parse } from "csv-parse/sync";

/** One record of a CSV file and the line it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === "");
}

function newlinesIn(fields: readonly string[]): number {
  let count = 0;
  for (const field of fields) {
    for (let i = field.indexOf("\n"); i !== -1; i = field.indexOf("\n", i + 1)) {
      count++;
    }
  }
  return count;
}

/**
 * RFC 4180 CSV read by csv-parse: comma separated, fields optionally in double quotes (a quote inside written twice,
 * commas and line breaks allowed inside), CRLF or LF line ends, a leading byte-order mark ignored, blank lines
 * skipped, rows of any length. Stops at `maxRecords` + 1 records so an oversized file is refused without reading all
 * of it. Each record keeps the line it starts on, for errors that name the line.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): CsvParse {
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    rows = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      ...(Number.isFinite(maxRecords) ? { to: maxRecords + 1 } : {}),
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = Number((error as CsvError & { lines?: number }).lines ?? 1);
      const message =
        error.code === "CSV_QUOTE_NOT_CLOSED"
          ? `A quoted field is never closed (from line ${line} on).`
          : `Line ${line} is not valid CSV: ${error.message}`;
      return { ok: false, line, message };
    }
    throw error;
  }
  const records: CsvRecord[] = [];
  for (const { record, info } of rows) {
    if (!isBlank(record)) {
      records.push({ line: info.lines - newlinesIn(record), fields: record });
    }
  }
  return { ok: true, records };
}
