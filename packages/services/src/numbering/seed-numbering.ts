import type { Db } from "@portway/db";
import {
  type DbOrTx,
  insertHolidays,
  isNumberingEmpty,
  lockNumberingData,
  upsertCarriers,
  upsertNumberBlocks,
  upsertRateCenters,
} from "@portway/db";
import { buildSampleNumberingDataset, type NumberingDataset } from "./sample-dataset";

export interface SeedNumberingResult {
  created: boolean;
  carriers: number;
  rateCenters: number;
  blocks: number;
  holidays: number;
}

function rateCenterKey(name: string, state: string): string {
  return `${state}\u0000${name}`;
}

/** Writes a numbering dataset through the given transaction: carriers, rate centers, blocks, carrier holidays. */
async function writeDataset(tx: DbOrTx, dataset: NumberingDataset): Promise<void> {
  const carrierIds = new Map((await upsertCarriers(tx, dataset.carriers)).map((c) => [c.spid, c.id]));
  const rateCenterIds = new Map(
    (await upsertRateCenters(tx, dataset.rateCenters)).map((r) => [rateCenterKey(r.name, r.state), r.id]),
  );
  const idOf = (map: Map<string, string>, key: string, what: string): string => {
    const id = map.get(key);
    if (id === undefined) {
      throw new Error(`The sample dataset refers to an unknown ${what}: ${key}`);
    }
    return id;
  };
  await upsertNumberBlocks(
    tx,
    dataset.blocks.map((b) => ({
      npa: b.npa,
      nxx: b.nxx,
      state: b.state,
      lata: b.lata,
      timeZone: b.timeZone,
      rateCenterId: idOf(rateCenterIds, rateCenterKey(b.rateCenter, b.state), "rate center"),
      carrierId: idOf(carrierIds, b.carrierSpid, "carrier"),
    })),
  );
  await insertHolidays(
    tx,
    dataset.holidays.map((h) => ({
      date: h.date,
      name: h.name,
      carrierId: h.carrierSpid === null ? null : idOf(carrierIds, h.carrierSpid, "carrier"),
    })),
  );
}

/**
 * Loads the sample numbering dataset on first start: in one transaction, and only when the carriers table is empty,
 * so it is idempotent and never overwrites data a lead has imported. Concurrent starts are serialized by a lock.
 */
export async function seedNumberingData(db: Db): Promise<SeedNumberingResult> {
  const dataset = buildSampleNumberingDataset();
  return db.transaction(async (tx) => {
    await lockNumberingData(tx);
    if (!(await isNumberingEmpty(tx))) {
      return { created: false, carriers: 0, rateCenters: 0, blocks: 0, holidays: 0 };
    }
    await writeDataset(tx, dataset);
    return {
      created: true,
      carriers: dataset.carriers.length,
      rateCenters: dataset.rateCenters.length,
      blocks: dataset.blocks.length,
      holidays: dataset.holidays.length,
    };
  });
}
