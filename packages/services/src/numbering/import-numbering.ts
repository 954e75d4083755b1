import {
  type CarrierUpsert,
  type Db,
  type DbOrTx,
  findBlocksByNpaNxx,
  findCarriersBySpids,
  findRateCentersByKeys,
  lockNumberingData,
  type RateCenterUpsert,
  upsertCarriers,
  upsertNumberBlocks,
  upsertRateCenters,
} from "@portway/db";
import { recordStaffAct, type StaffAct } from "../staff/audit";
import { findCarrierRequirements } from "./carrier-requirements";
import { checkNumberingCsv, type ImportIssue, type NumberingImportRow } from "./validate-numbering-csv";

export interface ChangeCount {
  create: number;
  update: number;
  unchanged: number;
}

export interface NumberingImportRowReport {
  row: number;
  status: "ok" | "error";
  /** `NPA-NXX` when the row names a well-formed block. */
  block: string | null;
  issues: ImportIssue[];
}

export interface NumberingImportReport {
  /** True when every row is valid: applying would succeed. */
  ok: boolean;
  /** True when the import was written (only ever by `applyNumberingImport`). */
  applied: boolean;
  /** Problems of the file as a whole (size, header); rows are not checked then. */
  fileIssues: ImportIssue[];
  rows: NumberingImportRowReport[];
  summary: {
    rows: number;
    okRows: number;
    errorRows: number;
    /** What the valid rows would change, by comparison with the data now in the database. */
    carriers: ChangeCount;
    rateCenters: ChangeCount;
    blocks: ChangeCount;
  };
}

interface ImportPlan {
  carriers: ChangeCount;
  rateCenters: ChangeCount;
  blocks: ChangeCount;
  carriersToWrite: CarrierUpsert[];
  rateCentersToWrite: RateCenterUpsert[];
  /** Rows whose block is new or changes; their carrier and rate center IDs are known after those are written. */
  blocksToWrite: NumberingImportRow[];
  carrierIds: Map<string, string>;
  rateCenterIds: Map<string, string>;
}

const createCount = (): ChangeCount => ({ create: 0, update: 0, unchanged: 0 });
const toCenterKey = (name: string, state: string) => `${state}\u0000${name}`;

function groupBySpid(rows: readonly NumberingImportRow[]): Map<string, NumberingImportRow[]> {
  const bySpid = new Map<string, NumberingImportRow[]>();
  for (const row of rows) {
    const list = bySpid.get(row.carrierSpid);
    if (list === undefined) {
      bySpid.set(row.carrierSpid, [row]);
    } else {
      list.push(row);
    }
  }
  return bySpid;
}

/** The first value the file gives for an optional carrier rule, or null when no row gives one. */
function findRule<T>(rows: readonly NumberingImportRow[], pickRule: (row: NumberingImportRow) => T | null): T | null {
  for (const row of rows) {
    const value = pickRule(row);
    if (value !== null) {
      return value;
    }
  }
  return null;
}

/** Compares the valid rows with the database: what to create, what to update, what is unchanged. */
async function planImport(db: DbOrTx, rows: readonly NumberingImportRow[]): Promise<ImportPlan> {
  const bySpid = groupBySpid(rows);
  const centerRows = new Map(rows.map((row) => [toCenterKey(row.rateCenter, row.state), row]));
  // One after the other: inside the apply transaction these share one connection.
  const carriers = await findCarriersBySpids(db, [...bySpid.keys()]);
  const centers = await findRateCentersByKeys(
    db,
    [...centerRows.values()].map((row) => ({ name: row.rateCenter, state: row.state })),
  );
  const blocks = await findBlocksByNpaNxx(
    db,
    rows.map((row) => row.npa + row.nxx),
  );
  const plan: ImportPlan = {
    carriers: createCount(),
    rateCenters: createCount(),
    blocks: createCount(),
    carriersToWrite: [],
    rateCentersToWrite: [],
    blocksToWrite: [],
    carrierIds: new Map(carriers.map((c) => [c.spid, c.id])),
    rateCenterIds: new Map(centers.map((r) => [toCenterKey(r.name, r.state), r.id])),
  };
  const existingCarriers = new Map(carriers.map((c) => [c.spid, c]));
  for (const [spid, carrierRows] of bySpid) {
    const first = carrierRows[0];
    if (first === undefined) {
      continue;
    }
    const existing = existingCarriers.get(spid);
    // A new carrier without explicit rules gets what the domain requires of its type.
    const defaults = findCarrierRequirements({ type: first.carrierType });
    const wanted: CarrierUpsert = {
      spid,
      name: first.carrierName,
      type: first.carrierType,
      requiresAccountNumber:
        findRule(carrierRows, (r) => r.requiresAccountNumber) ??
        existing?.requiresAccountNumber ??
        defaults.accountNumber,
      requiresPin: findRule(carrierRows, (r) => r.requiresPin) ?? existing?.requiresPin ?? defaults.pin,
      minBusinessDays: findRule(carrierRows, (r) => r.minBusinessDays) ?? existing?.minBusinessDays ?? 0,
    };
    const same =
      existing !== undefined &&
      existing.name === wanted.name &&
      existing.type === wanted.type &&
      existing.requiresAccountNumber === wanted.requiresAccountNumber &&
      existing.requiresPin === wanted.requiresPin &&
      existing.minBusinessDays === wanted.minBusinessDays;
    plan.carriers[existing === undefined ? "create" : same ? "unchanged" : "update"]++;
    if (!same) {
      plan.carriersToWrite.push(wanted);
    }
  }
  const existingCenters = new Map(centers.map((r) => [toCenterKey(r.name, r.state), r]));
  for (const [key, row] of centerRows) {
    const existing = existingCenters.get(key);
    const wanted: RateCenterUpsert = {
      name: row.rateCenter,
      state: row.state,
      lata: row.lata,
      onNet: row.onNet,
      partnerSupported: row.partnerSupported,
    };
    const same =
      existing !== undefined &&
      existing.lata === wanted.lata &&
      existing.onNet === wanted.onNet &&
      existing.partnerSupported === wanted.partnerSupported;
    plan.rateCenters[existing === undefined ? "create" : same ? "unchanged" : "update"]++;
    if (!same) {
      plan.rateCentersToWrite.push(wanted);
    }
  }
  const existingBlocks = new Map(blocks.map((b) => [b.npa + b.nxx, b]));
  for (const row of rows) {
    const existing = existingBlocks.get(row.npa + row.nxx);
    const same =
      existing !== undefined &&
      existing.rateCenterId === plan.rateCenterIds.get(toCenterKey(row.rateCenter, row.state)) &&
      existing.carrierId === plan.carrierIds.get(row.carrierSpid) &&
      existing.state === row.state &&
      existing.lata === row.lata &&
      existing.timeZone === row.timeZone;
    plan.blocks[existing === undefined ? "create" : same ? "unchanged" : "update"]++;
    if (!same) {
      plan.blocksToWrite.push(row);
    }
  }
  return plan;
}

function buildReport(csvText: string) {
  const check = checkNumberingCsv(csvText);
  const rows: NumberingImportRowReport[] = check.rows.map((row) => ({
    row: row.row,
    status: row.issues.length === 0 ? "ok" : "error",
    block: row.value === null ? null : `${row.value.npa}-${row.value.nxx}`,
    issues: row.issues,
  }));
  const errorRows = rows.filter((row) => row.status === "error").length;
  const validRows = check.rows.flatMap((row) => (row.value !== null && row.issues.length === 0 ? [row.value] : []));
  const report: NumberingImportReport = {
    ok: check.fileIssues.length === 0 && errorRows === 0,
    applied: false,
    fileIssues: check.fileIssues,
    rows,
    summary: {
      rows: rows.length,
      okRows: rows.length - errorRows,
      errorRows,
      carriers: createCount(),
      rateCenters: createCount(),
      blocks: createCount(),
    },
  };
  return { report, validRows };
}

function addPlanToReport(report: NumberingImportReport, plan: ImportPlan): NumberingImportReport {
  return {
    ...report,
    summary: { ...report.summary, carriers: plan.carriers, rateCenters: plan.rateCenters, blocks: plan.blocks },
  };
}

/**
 * Validates a numbering CSV row by row (format in validate-numbering-csv.ts) and reports, per row, every problem with
 * its column, plus what the valid rows would create and update. Writes nothing.
 */
export async function previewNumberingImport(db: DbOrTx, csvText: string): Promise<NumberingImportReport> {
  const { report, validRows } = buildReport(csvText);
  if (validRows.length === 0) {
    return report;
  }
  return addPlanToReport(report, await planImport(db, validRows));
}

/**
 * Validates the CSV again and, only when every row is valid, upserts carriers (by SPID), rate centers (by name and
 * state, with their coverage) and blocks (by NPA-NXX) in one transaction. With any bad row nothing is written and
 * the report says why. Applying the same file twice changes nothing the second time.
 */
export async function applyNumberingImport(db: Db, csvText: string, staff?: StaffAct): Promise<NumberingImportReport> {
  const { report, validRows } = buildReport(csvText);
  if (!report.ok) {
    return validRows.length === 0 ? report : addPlanToReport(report, await planImport(db, validRows));
  }
  return db.transaction(async (tx) => {
    await lockNumberingData(tx);
    const plan = await planImport(tx, validRows);
    for (const saved of await upsertCarriers(tx, plan.carriersToWrite)) {
      plan.carrierIds.set(saved.spid, saved.id);
    }
    for (const saved of await upsertRateCenters(tx, plan.rateCentersToWrite)) {
      plan.rateCenterIds.set(toCenterKey(saved.name, saved.state), saved.id);
    }
    const blocks = plan.blocksToWrite.map((row) => {
      const carrierId = plan.carrierIds.get(row.carrierSpid);
      const rateCenterId = plan.rateCenterIds.get(toCenterKey(row.rateCenter, row.state));
      if (carrierId === undefined || rateCenterId === undefined) {
        throw new Error(`Row ${row.row}: carrier or rate center was not saved.`);
      }
      return {
        npa: row.npa,
        nxx: row.nxx,
        state: row.state,
        lata: row.lata,
        timeZone: row.timeZone,
        carrierId,
        rateCenterId,
      };
    });
    await upsertNumberBlocks(tx, blocks);
    const applied = { ...addPlanToReport(report, plan), applied: true };
    await recordStaffAct(tx, staff, {
      action: "NUMBERING_IMPORT",
      objectType: "numbering",
      change: { rows: validRows.length, blocks: blocks.length },
    });
    return applied;
  });
}
