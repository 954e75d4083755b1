import { asc, eq, inArray, isNull, or, type SQL, sql } from "drizzle-orm";
import type { DbOrTx } from "../client";
import { type CarrierTypeValue, carriers, holidays, numberBlocks, portOrderTns, rateCenters } from "../schema/index";

/** A block of the numbering plan with its rate center (and who serves it) and its current carrier (and its rules). */
export interface BlockLookupRow {
  npa: string;
  nxx: string;
  state: string;
  lata: string;
  timeZone: string;
  rateCenterId: string;
  rateCenterName: string;
  onNet: boolean;
  partnerSupported: boolean;
  carrierId: string;
  carrierName: string;
  carrierSpid: string;
  carrierType: CarrierTypeValue;
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  minBusinessDays: number;
}

/** An active order holding a TN. Callers decide what of it the user may see (another account's order is secret). */
export interface ActiveOrderTnRow {
  tn: string;
  orderId: string;
  accountId: string;
}

// Rows per INSERT statement: PostgreSQL takes at most 65,535 parameters per statement.
const INSERT_CHUNK_ROWS = 5000;

function chunk<T>(rows: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < rows.length; i += size) {
    chunks.push(rows.slice(i, i + size));
  }
  return chunks;
}

/**
 * The blocks of the given NPA-NXX codes (`"312286"`), joined to rate center and carrier, in one query. The codes go
 * as two array parameters joined through `unnest`, so the primary key answers each one.
 */
export async function findBlocksByNpaNxx(db: DbOrTx, npaNxxList: readonly string[]): Promise<BlockLookupRow[]> {
  const unique = [...new Set(npaNxxList)].filter((code) => code.length === 6);
  if (unique.length === 0) {
    return [];
  }
  const npas = unique.map((code) => code.slice(0, 3));
  const nxxs = unique.map((code) => code.slice(3, 6));
  return db
    .select({
      npa: numberBlocks.npa,
      nxx: numberBlocks.nxx,
      state: numberBlocks.state,
      lata: numberBlocks.lata,
      timeZone: numberBlocks.timeZone,
      rateCenterId: rateCenters.id,
      rateCenterName: rateCenters.name,
      onNet: rateCenters.onNet,
      partnerSupported: rateCenters.partnerSupported,
      carrierId: carriers.id,
      carrierName: carriers.name,
      carrierSpid: carriers.spid,
      carrierType: carriers.type,
      requiresAccountNumber: carriers.requiresAccountNumber,
      requiresPin: carriers.requiresPin,
      minBusinessDays: carriers.minBusinessDays,
    })
    .from(numberBlocks)
    .innerJoin(rateCenters, eq(rateCenters.id, numberBlocks.rateCenterId))
    .innerJoin(carriers, eq(carriers.id, numberBlocks.carrierId))
    .where(
      sql`(${numberBlocks.npa}, ${numberBlocks.nxx}) in (select k.npa, k.nxx from unnest(${sql.param(npas)}::text[], ${sql.param(nxxs)}::text[]) as k(npa, nxx))`,
    );
}

/** The blocks that hold the given TNs (E.164 `+1NPANXXXXXX` or 10 digits); one query whatever the number of TNs. */
export async function findBlocksForTns(db: DbOrTx, tns: readonly string[]): Promise<BlockLookupRow[]> {
  const codes = new Set<string>();
  for (const tn of tns) {
    const digits = tn.startsWith("+1") ? tn.slice(2) : tn;
    codes.add(digits.slice(0, 6));
  }
  return findBlocksByNpaNxx(db, [...codes]);
}

/** Which of these E.164 TNs are in an active order of any account; one query over the partial unique index. */
export async function findActiveOrderTns(db: DbOrTx, tns: readonly string[]): Promise<ActiveOrderTnRow[]> {
  if (tns.length === 0) {
    return [];
  }
  return db
    .select({ tn: portOrderTns.tn, orderId: portOrderTns.orderId, accountId: portOrderTns.accountId })
    .from(portOrderTns)
    .where(sql`${portOrderTns.active} and ${portOrderTns.tn} = any(${sql.param([...tns])}::text[])`);
}

/** Every carrier with its rules and the number of blocks it holds, by name. */
export async function findCarriers(db: DbOrTx) {
  return db
    .select({
      id: carriers.id,
      name: carriers.name,
      spid: carriers.spid,
      type: carriers.type,
      requiresAccountNumber: carriers.requiresAccountNumber,
      requiresPin: carriers.requiresPin,
      minBusinessDays: carriers.minBusinessDays,
      // Table names spelled out: inside a one-table select, interpolated columns lose their table name.
      blockCount: sql<number>`(select count(*) from number_blocks nb where nb.carrier_id = carriers.id)`.mapWith(
        Number,
      ),
    })
    .from(carriers)
    .orderBy(asc(carriers.name), asc(carriers.spid));
}

export async function findCarriersBySpids(db: DbOrTx, spids: readonly string[]) {
  if (spids.length === 0) {
    return [];
  }
  return db
    .select()
    .from(carriers)
    .where(inArray(carriers.spid, [...spids]));
}

/** Rate centers by their natural key (name and state), in one query. */
export async function findRateCentersByKeys(db: DbOrTx, keys: readonly { name: string; state: string }[]) {
  if (keys.length === 0) {
    return [];
  }
  const names = keys.map((k) => k.name);
  const states = keys.map((k) => k.state);
  return db
    .select()
    .from(rateCenters)
    .where(
      sql`(${rateCenters.name}, ${rateCenters.state}) in (select k.name, k.state from unnest(${sql.param(names)}::text[], ${sql.param(states)}::text[]) as k(name, state))`,
    );
}

/**
 * Porting holidays in a date range (`YYYY-MM-DD`, inclusive): company-wide ones always, plus those of the given
 * carriers (all carriers' when `carrierIds` is omitted).
 */
export async function findHolidays(
  db: DbOrTx,
  options: { carrierIds?: readonly string[]; from?: string; to?: string } = {},
) {
  const filters: SQL[] = [];
  if (options.carrierIds !== undefined) {
    const carrierFilter =
      options.carrierIds.length > 0
        ? or(isNull(holidays.carrierId), inArray(holidays.carrierId, [...options.carrierIds]))
        : isNull(holidays.carrierId);
    if (carrierFilter !== undefined) {
      filters.push(carrierFilter);
    }
  }
  if (options.from !== undefined) {
    filters.push(sql`${holidays.date} >= ${options.from}`);
  }
  if (options.to !== undefined) {
    filters.push(sql`${holidays.date} <= ${options.to}`);
  }
  return db
    .select({ id: holidays.id, date: holidays.date, name: holidays.name, carrierId: holidays.carrierId })
    .from(holidays)
    .where(filters.length > 0 ? sql.join(filters, sql` and `) : undefined)
    .orderBy(asc(holidays.date));
}

/** Row counts of the numbering tables, in one statement (so it also works inside a transaction). */
export async function countNumberingRows(db: DbOrTx) {
  const rows = await db
    .select({
      carriers: sql<number>`(select count(*) from ${carriers})`.mapWith(Number),
      rateCenters: sql<number>`(select count(*) from ${rateCenters})`.mapWith(Number),
      blocks: sql<number>`(select count(*) from ${numberBlocks})`.mapWith(Number),
      holidays: sql<number>`(select count(*) from ${holidays})`.mapWith(Number),
    })
    .from(sql`(select 1) as one`);
  return rows[0] ?? { carriers: 0, rateCenters: 0, blocks: 0, holidays: 0 };
}

/** True when no carrier exists yet (the numbering data has never been loaded). */
export async function isNumberingEmpty(db: DbOrTx): Promise<boolean> {
  const rows = await db.select({ id: carriers.id }).from(carriers).limit(1);
  return rows.length === 0;
}

/**
 * Serializes writers of the numbering data (first-start seed, CSV imports) until the transaction ends, so two
 * processes starting at once do not both seed.
 */
export async function lockNumberingData(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('portway.numbering-data'))`);
}

export interface CarrierUpsert {
  name: string;
  spid: string;
  type: CarrierTypeValue;
  requiresAccountNumber: boolean;
  requiresPin: boolean;
  minBusinessDays: number;
}

/** Inserts carriers or updates them by SPID; returns the ID of each. */
export async function upsertCarriers(db: DbOrTx, rows: readonly CarrierUpsert[]) {
  const result: { id: string; spid: string }[] = [];
  for (const part of chunk(rows, INSERT_CHUNK_ROWS)) {
    const saved = await db
      .insert(carriers)
      .values(part)
      .onConflictDoUpdate({
        target: carriers.spid,
        set: {
          name: sql`excluded.name`,
          type: sql`excluded.type`,
          requiresAccountNumber: sql`excluded.requires_account_number`,
          requiresPin: sql`excluded.requires_pin`,
          minBusinessDays: sql`excluded.min_business_days`,
        },
      })
      .returning({ id: carriers.id, spid: carriers.spid });
    result.push(...saved);
  }
  return result;
}

export interface RateCenterUpsert {
  name: string;
  state: string;
  lata: string;
  onNet: boolean;
  partnerSupported: boolean;
}

/** Inserts rate centers or updates them by name and state; returns the ID of each. */
export async function upsertRateCenters(db: DbOrTx, rows: readonly RateCenterUpsert[]) {
  const result: { id: string; name: string; state: string }[] = [];
  for (const part of chunk(rows, INSERT_CHUNK_ROWS)) {
    const saved = await db
      .insert(rateCenters)
      .values(part)
      .onConflictDoUpdate({
        target: [rateCenters.name, rateCenters.state],
        set: {
          lata: sql`excluded.lata`,
          onNet: sql`excluded.on_net`,
          partnerSupported: sql`excluded.partner_supported`,
        },
      })
      .returning({ id: rateCenters.id, name: rateCenters.name, state: rateCenters.state });
    result.push(...saved);
  }
  return result;
}

export interface NumberBlockUpsert {
  npa: string;
  nxx: string;
  rateCenterId: string;
  state: string;
  lata: string;
  timeZone: string;
  carrierId: string;
}

/** Inserts blocks or updates them by NPA-NXX. */
export async function upsertNumberBlocks(db: DbOrTx, rows: readonly NumberBlockUpsert[]): Promise<void> {
  for (const part of chunk(rows, INSERT_CHUNK_ROWS)) {
    await db
      .insert(numberBlocks)
      .values(part)
      .onConflictDoUpdate({
        target: [numberBlocks.npa, numberBlocks.nxx],
        set: {
          rateCenterId: sql`excluded.rate_center_id`,
          state: sql`excluded.state`,
          lata: sql`excluded.lata`,
          timeZone: sql`excluded.time_zone`,
          carrierId: sql`excluded.carrier_id`,
        },
      });
  }
}

/** Adds holidays (company-wide when `carrierId` is null); a date already on the calendar is left as it is. */
export async function insertHolidays(
  db: DbOrTx,
  rows: readonly { date: string; name: string; carrierId: string | null }[],
): Promise<void> {
  for (const part of chunk(rows, INSERT_CHUNK_ROWS)) {
    await db.insert(holidays).values(part).onConflictDoNothing();
  }
}
