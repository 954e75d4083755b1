import { type DbOrTx, findCarriers } from "@portway/db";
import { textInput } from "@portway/domain";
import { z } from "zod";
import { NUMBERING_CSV_MAX_BYTES } from "./validate-numbering-csv";

/** The losing carriers with their porting rules and how many blocks each holds (admin portal). */
export async function listCarriers(db: DbOrTx) {
  return findCarriers(db);
}

/** The input of a numbering import: the CSV file's text. The size is checked again, in bytes, by the import. */
export const numberingImportInput = z.object({
  csv: textInput(NUMBERING_CSV_MAX_BYTES, "The CSV file", { trim: false }),
});
export type NumberingImportInput = z.infer<typeof numberingImportInput>;
