import { auditListInput, getAuditChoices, listAudit } from "@portway/services";
import { router, staffProcedure } from "../trpc";

/** The append-only log of staff actions, filtered. */
export const adminAuditRouter = router({
  list: staffProcedure.input(auditListInput).query(({ ctx, input }) => listAudit(ctx.db, input)),
  choices: staffProcedure.query(({ ctx }) => getAuditChoices(ctx.db)),
});
