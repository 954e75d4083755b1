import { capturedMailInput, listCapturedMail } from "@portway/services";
import { router, staffProcedure } from "../trpc";

export const adminMailRouter = router({
  /** Mail received by the local SMTP capture (development): what each recipient would have got. */
  captured: staffProcedure.input(capturedMailInput).query(({ ctx, input }) => listCapturedMail(ctx.db, input)),
});
