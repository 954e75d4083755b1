/** One record of a CSV file and the line it starts on (1-based; the header is line 1). */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export type CsvParse = { ok: true; records: CsvRecord[] } | { ok: false; line: number; message: string };

const QUOTE = 34;
const COMMA = 44;
const CR = 13;
const LF = 10;

function isBlank(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === "");
}

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes (a quote inside written twice, commas and line
 * breaks allowed inside), CRLF or LF line ends, a leading byte-order mark ignored, blank lines skipped. Stops at
 * `maxRecords` + 1 records so an oversized file is refused without parsing all of it.
 */
export function parseCsv(text: string, maxRecords = Number.POSITIVE_INFINITY): CsvParse {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let i = 0;
  const endRecord = () => {
    fields.push(field);
    if (!isBlank(fields)) {
      records.push({ line: recordLine, fields });
    }
    fields = [];
    field = "";
  };
  while (i < source.length) {
    if (records.length > maxRecords) {
      return { ok: true, records };
    }
    const c = source.charCodeAt(i);
    if (c === QUOTE && field.trim() === "") {
      const quoteLine = line;
      let value = "";
      let j = i + 1;
      for (;;) {
        if (j >= source.length) {
          return { ok: false, line: quoteLine, message: `A quoted field opened on line ${quoteLine} is never closed.` };
        }
        const d = source.charCodeAt(j);
        if (d === QUOTE) {
          if (source.charCodeAt(j + 1) === QUOTE) {
            value += '"';
            j += 2;
            continue;
          }
          j++;
          break;
        }
        if (d === LF) {
          line++;
        }
        value += source[j];
        j++;
      }
      // Text after the closing quote, up to the separator, is kept (lenient, as spreadsheets write it).
      field = value;
      i = j;
      continue;
    }
    if (c === COMMA) {
      fields.push(field);
      field = "";
      i++;
    } else if (c === CR || c === LF) {
      endRecord();
      i += c === CR && source.charCodeAt(i + 1) === LF ? 2 : 1;
      line++;
      recordLine = line;
    } else {
      let j = i + 1;
      while (j < source.length) {
        const d = source.charCodeAt(j);
        if (d === COMMA || d === CR || d === LF) {
          break;
        }
        j++;
      }
      field += source.slice(i, j);
      i = j;
    }
  }
  if (field !== "" || fields.length > 0) {
    endRecord();
  }
  return { ok: true, records };
}
