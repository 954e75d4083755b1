import type { Db, DbOrTx } from "@portway/db";
import {
  base64Input,
  easternToInstant,
  type FieldIssue,
  type OrderDraft,
  parseTn,
  requiredText,
  US_STATES,
} from "@portway/domain";
import { CsvError, parse } from "csv-parse/sync";
import { z } from "zod";
import type { Clock } from "../clock";
import { invalid } from "../errors";
import { saveDraft } from "../orders/drafts";
import {
  type PortRequestPreview,
  previewPortRequest,
  type Submitter,
  submitPortRequestOfAccounts,
} from "../orders/submit";

/** The template's columns, one row per TN with its LSP account's data (SPEC 5 order data). */
export const BULK_COLUMNS = [
  "tn",
  "btn",
  "account_number",
  "pin",
  "subscriber_type",
  "business_name",
  "first_name",
  "last_name",
  "house_number",
  "street",
  "unit",
  "city",
  "state",
  "zip",
  "authorizing_person",
  "requested_foc_date",
  "requested_foc_time",
  "partial_port",
] as const;
type Column = (typeof BULK_COLUMNS)[number];
const REQUIRED: readonly Column[] = [
  "tn",
  "btn",
  "house_number",
  "street",
  "city",
  "state",
  "zip",
  "authorizing_person",
];

/** At most one port request's worth of TNs (SPEC 5: 20,000). */
export const BULK_MAX_ROWS = 20_000;

export const bulkFileInput = z.object({
  fileName: requiredText(200, "The file name"),
  /** The CSV or XLSX file, base64-encoded (at most 3 MB). */
  contentBase64: base64Input(Math.ceil((3 * 1024 * 1024 * 4) / 3) + 8, "The file (at most 3 MB)").min(1, {
    message: "Choose a file first.",
  }),
  /** The customer order reference of the port request, carried by each of its orders. */
  reference: requiredText(56, "Customer order reference"),
});
export type BulkFileInput = z.infer<typeof bulkFileInput>;

export const bulkSubmitInput = bulkFileInput.extend({ mode: z.enum(["SUBMIT", "DRAFTS"]) });

/** The template as a CSV: the header and one example row. */
export function bulkTemplateCsv(): string {
  const example = [
    "+1 617 253 1234",
    "617-253-1234",
    "ACCT-1001",
    "",
    "BUSINESS",
    "Harbor Dental LLC",
    "",
    "",
    "100",
    "Main St",
    "",
    "Boston",
    "MA",
    "02110",
    "Dana Harbor",
    "",
    "",
    "no",
  ];
  return `${BULK_COLUMNS.join(",")}\n${example.join(",")}\n`;
}

interface BulkRow {
  line: number;
  values: Record<Column, string>;
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) {
    return "";
  }
  if (value instanceof Date) {
    return value.toISOString().slice(0, 10);
  }
  if (typeof value === "object") {
    const rich = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (rich.richText) {
      return rich.richText.map((part) => part.text).join("");
    }
    return cellText(rich.result ?? rich.text ?? "");
  }
  return String(value);
}

/** Rows of a CSV or XLSX file by header name; the line (or spreadsheet row) each came from. */
async function readRows(
  input: BulkFileInput,
): Promise<{ header: string[]; rows: { line: number; cells: string[] }[] }> {
  const bytes = Buffer.from(input.contentBase64, "base64");
  const isXlsx = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isXlsx) {
    const { default: ExcelJS } = await import("exceljs");
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw invalid([
        { field: "file", code: "UNREADABLE_XLSX", message: `${input.fileName} is not a readable XLSX file.` },
      ]);
    }
    const sheet = workbook.worksheets[0];
    const all: { line: number; cells: string[] }[] = [];
    sheet?.eachRow({ includeEmpty: false }, (row, number) => {
      const values = row.values as unknown[];
      all.push({ line: number, cells: values.slice(1).map((v) => cellText(v).trim()) });
    });
    const [first, ...rest] = all;
    return { header: first?.cells ?? [], rows: rest };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(bytes.toString("utf8"), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: BULK_MAX_ROWS + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      throw invalid([{ field: "file", code: "UNREADABLE_CSV", message: `${input.fileName}: ${error.message}` }]);
    }
    throw error;
  }
  const [first, ...rest] = records;
  return {
    header: first?.record ?? [],
    rows: rest.map((r) => ({ line: r.info.lines, cells: r.record })),
  };
}

export interface BulkRowIssue extends FieldIssue {
  line: number;
}

function normalizeHeader(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/[\s-]+/g, "_");
}

/** Each LSP account's rows become one submission (the services split it further by carrier, SPEC 5). */
function accountKey(values: Record<Column, string>): string {
  return JSON.stringify([
    values.btn.replace(/\D/g, "").replace(/^1(?=\d{10}$)/, ""),
    values.account_number,
    values.pin,
    values.subscriber_type.toUpperCase(),
    values.business_name,
    values.first_name,
    values.last_name,
    values.house_number,
    values.street,
    values.unit,
    values.city,
    values.state.toUpperCase(),
    values.zip,
    values.authorizing_person,
    values.requested_foc_date,
    values.requested_foc_time,
    values.partial_port.toLowerCase(),
  ]);
}

function yes(value: string): boolean {
  return ["yes", "y", "true", "1", "partial"].includes(value.trim().toLowerCase());
}

function submissionOf(rows: readonly BulkRow[], reference: string): OrderDraft {
  const first = rows[0]?.values;
  if (!first) {
    return {};
  }
  const business = first.subscriber_type.toUpperCase() !== "RESIDENTIAL";
  const foc =
    first.requested_foc_date && first.requested_foc_time
      ? easternToInstant(first.requested_foc_date, first.requested_foc_time)
      : null;
  const draft: OrderDraft = {
    tns: rows.map((row) => row.values.tn),
    btn: first.btn,
    partialPort: yes(first.partial_port),
    subscriber: business
      ? { type: "BUSINESS", businessName: first.business_name }
      : { type: "RESIDENTIAL", firstName: first.first_name, lastName: first.last_name },
    serviceAddress: {
      houseNumber: first.house_number,
      street: first.street,
      city: first.city,
      state: first.state.toUpperCase(),
      zip: first.zip,
      ...(first.unit ? { unit: first.unit } : {}),
    },
    loaAuthorizingPerson: first.authorizing_person,
    onDemandActivation: false,
    customerOrderRef: reference,
    documents: [],
  };
  if (first.account_number) {
    draft.accountNumber = first.account_number;
  }
  if (first.pin) {
    draft.pin = first.pin;
  }
  if (foc) {
    draft.requestedFoc = foc;
  }
  return draft;
}

const usStates = new Set<string>(US_STATES);

/** Checks of one row that need no database: the TN itself, required cells, state, FOC date and time. */
function rowIssues(row: BulkRow): { tn: string | null; issues: BulkRowIssue[] } {
  const issues: BulkRowIssue[] = [];
  for (const column of REQUIRED) {
    if (!row.values[column]) {
      issues.push({ line: row.line, field: column, code: "REQUIRED", message: `${column} is required.` });
    }
  }
  let tn: string | null = null;
  if (row.values.tn) {
    const parsed = parseTn(row.values.tn);
    if (parsed.ok) {
      tn = parsed.tn;
    } else {
      issues.push({
        line: row.line,
        field: "tn",
        code: parsed.error.code,
        message: `${row.values.tn}: ${parsed.error.message}`,
      });
    }
  }
  if (row.values.btn && !parseTn(row.values.btn).ok) {
    issues.push({
      line: row.line,
      field: "btn",
      code: "INVALID_BTN",
      message: `${row.values.btn} is not a valid BTN.`,
    });
  }
  if (row.values.state && !usStates.has(row.values.state.toUpperCase())) {
    issues.push({
      line: row.line,
      field: "state",
      code: "INVALID_STATE",
      message: `${row.values.state} is not a US state.`,
    });
  }
  const date = row.values.requested_foc_date;
  const time = row.values.requested_foc_time;
  if ((date || time) && !(date && time && easternToInstant(date, time))) {
    issues.push({
      line: row.line,
      field: "requested_foc_date",
      code: "INVALID_FOC",
      message: "Give the requested FOC as a date (YYYY-MM-DD) and a time (HH:MM, US Eastern), or leave both empty.",
    });
  }
  return { tn, issues };
}

export interface BulkPreviewOrder {
  /** The LSP account (1-based, in the order of the file) the order belongs to. */
  group: number;
  /** The account's BTN as the file gives it, to tell the accounts apart. */
  btn: string;
  carrierName: string;
  portType: string;
  tnCount: number;
  lines: number[];
}

interface ParsedBulk {
  rowCount: number;
  /** Errors of the rows themselves (found without the database). */
  issues: BulkRowIssue[];
  /** The good rows, by LSP account, in the order of the file. */
  groups: BulkRow[][];
}

/** Reads a bulk file into its rows' own errors and the good rows by LSP account; no database. */
async function parseBulk(input: BulkFileInput): Promise<ParsedBulk> {
  const { header, rows: raw } = await readRows(input);
  const columns = header.map(normalizeHeader);
  const missing = BULK_COLUMNS.filter((c) => REQUIRED.includes(c) && !columns.includes(c));
  if (missing.length > 0) {
    throw invalid([
      {
        field: "file",
        code: "MISSING_COLUMNS",
        message: `The file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}; start from the template.`,
      },
    ]);
  }
  if (raw.length === 0) {
    throw invalid([{ field: "file", code: "NO_ROWS", message: "The file has no rows under its header." }]);
  }
  if (raw.length > BULK_MAX_ROWS) {
    throw invalid([
      {
        field: "file",
        code: "TOO_MANY_ROWS",
        message: `A bulk port-in holds at most ${BULK_MAX_ROWS.toLocaleString("en-US")} rows.`,
      },
    ]);
  }
  const index = new Map<Column, number>(BULK_COLUMNS.map((c) => [c, columns.indexOf(c)]));
  const issues: BulkRowIssue[] = [];
  const groups = new Map<string, BulkRow[]>();
  const seen = new Map<string, number>();
  for (const entry of raw) {
    const values = Object.fromEntries(
      BULK_COLUMNS.map((c) => {
        const at = index.get(c) ?? -1;
        return [c, at >= 0 ? (entry.cells[at] ?? "").trim() : ""];
      }),
    ) as Record<Column, string>;
    const row: BulkRow = { line: entry.line, values };
    const checked = rowIssues(row);
    issues.push(...checked.issues);
    if (checked.tn) {
      const earlier = seen.get(checked.tn);
      if (earlier !== undefined) {
        issues.push({
          line: row.line,
          field: "tn",
          code: "DUPLICATE_TN",
          message: `${values.tn} is already on line ${earlier}.`,
        });
        continue;
      }
      seen.set(checked.tn, row.line);
      values.tn = checked.tn;
    }
    if (checked.issues.length > 0) {
      continue;
    }
    const key = accountKey(values);
    const group = groups.get(key) ?? [];
    group.push(row);
    groups.set(key, group);
  }
  return { rowCount: raw.length, issues, groups: [...groups.values()] };
}

/** The services' errors of each account's submission, on the rows they concern: a TN's on its line, others on all. */
function lineIssuesOf(parsed: ParsedBulk, preview: PortRequestPreview): BulkRowIssue[] {
  const issues: BulkRowIssue[] = [];
  const lineOfTn = new Map(parsed.groups.flat().map((row) => [row.values.tn, row.line]));
  const place = (error: FieldIssue, rows: readonly BulkRow[]) => {
    const tn = /^(\+1\d{10}):/.exec(error.message)?.[1];
    const line = tn ? lineOfTn.get(tn) : undefined;
    if (line !== undefined) {
      issues.push({ ...error, field: "tn", line });
    } else {
      for (const row of rows) {
        issues.push({ ...error, line: row.line });
      }
    }
  };
  for (const [index, account] of preview.accounts.entries()) {
    for (const error of account.errors) {
      place(error, parsed.groups[index] ?? []);
    }
  }
  for (const error of preview.requestErrors) {
    const account = /^submissions\.(\d+)\./.exec(error.field)?.[1];
    const rows = account === undefined ? [] : (parsed.groups[Number(account)] ?? []);
    place(error, rows.length > 0 ? rows : parsed.groups.flat().slice(0, 1));
  }
  return issues;
}

function bySubmission(parsed: ParsedBulk, reference: (index: number) => string): OrderDraft[] {
  return parsed.groups.map((rows, index) => submissionOf(rows, reference(index)));
}

/** The error a refused file fails with: its rows' errors, each with its line. */
function rowsRefusal(issues: readonly BulkRowIssue[]) {
  return invalid(
    issues.slice(0, 200).map((issue) => ({
      field: `rows.${issue.line}.${issue.field}`,
      code: issue.code,
      message: `Line ${issue.line}: ${issue.message}`,
    })),
    `${issues.length} row error(s); nothing was created.`,
  );
}

/**
 * Reads a bulk file and shows what it would create, before anything is created: every row's errors (with its line)
 * and the orders of the one port request it becomes, by LSP account and then by the services' own split (carrier,
 * on-net or off-net, port type).
 */
export async function previewBulkPortIn(db: DbOrTx, clock: Clock, submitter: Submitter, input: BulkFileInput) {
  const parsed = await parseBulk(input);
  const submissions = bySubmission(parsed, () => input.reference);
  const preview = await previewPortRequest(db, clock, submitter, { submissions });
  const issues = [...parsed.issues, ...lineIssuesOf(parsed, preview)];
  issues.sort((a, b) => a.line - b.line);
  const lineOfTn = new Map(parsed.groups.flat().map((row) => [row.values.tn, row.line]));
  const orders: BulkPreviewOrder[] = preview.orders.map((order) => ({
    group: order.account + 1,
    btn: submissions[order.account]?.btn ?? "",
    carrierName: order.carrierName,
    portType: order.portType,
    tnCount: order.tns.length,
    lines: order.tns.map((tn) => lineOfTn.get(tn) ?? 0),
  }));
  return {
    ok: issues.length === 0,
    rowCount: parsed.rowCount,
    issues,
    accounts: parsed.groups.length,
    orders,
    /** The customer order reference the port request and each of its orders carry. */
    reference: input.reference,
    submissions: issues.length === 0 ? submissions : [],
  };
}

/**
 * Creates what the preview showed. SUBMIT: one port request with every LSP account's orders, in one transaction,
 * each order carrying the file's customer order reference (submitting the same reference again returns them).
 * DRAFTS: one draft per LSP account (their references numbered `-1`, `-2`… when there are several, since each draft
 * is submitted as a port request of its own). Nothing is created while any row has an error.
 */
export async function submitBulkPortIn(
  db: Db,
  clock: Clock,
  submitter: Submitter,
  input: z.infer<typeof bulkSubmitInput>,
) {
  if (input.mode === "DRAFTS") {
    return db.transaction(async (tx) => {
      const preview = await previewBulkPortIn(tx, clock, submitter, input);
      if (!preview.ok) {
        throw rowsRefusal(preview.issues);
      }
      const several = preview.submissions.length > 1;
      const txDb = tx as unknown as Db;
      const drafts = [];
      for (const [index, draft] of preview.submissions.entries()) {
        const reference = several ? `${input.reference}-${index + 1}` : input.reference;
        drafts.push(await saveDraft(txDb, clock, submitter, { data: { ...draft, customerOrderRef: reference } }));
      }
      return {
        mode: "DRAFTS" as const,
        portRequestId: null,
        created: true,
        drafts: drafts.map((d) => ({ id: d.id })),
        orders: [],
      };
    });
  }
  const parsed = await parseBulk(input);
  if (parsed.issues.length > 0) {
    throw rowsRefusal([...parsed.issues].sort((a, b) => a.line - b.line));
  }
  const result = await submitPortRequestOfAccounts(
    db,
    clock,
    submitter,
    { reference: input.reference, submissions: bySubmission(parsed, () => input.reference) },
    {
      refusal: (preview) => rowsRefusal(lineIssuesOf(parsed, preview).sort((a, b) => a.line - b.line)),
    },
  );
  return {
    mode: "SUBMIT" as const,
    portRequestId: result.portRequestId,
    created: result.created,
    drafts: [],
    orders: result.orders.map((order) => ({ id: order.id, portRequestId: result.portRequestId })),
  };
}
