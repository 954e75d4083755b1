import { idInput } from "@portway/domain";
import {
  listSigningRequests,
  revokeSigningLink,
  sendSigningLink,
  signingLinkInput,
  signingTargetInput,
} from "@portway/services";
import { z } from "zod";
import { customerProcedure, router } from "../trpc";

/** LOA signing links: sent from an order or a draft to the authorizing person, listed and revoked. */
export const customerSigningRouter = router({
  send: customerProcedure
    .input(signingLinkInput)
    .mutation(({ ctx, input }) => sendSigningLink(ctx.db, ctx.clock, { ...ctx.owner, name: ctx.user.name }, input)),
  list: customerProcedure
    .input(signingTargetInput)
    .query(({ ctx, input }) => listSigningRequests(ctx.db, ctx.clock, ctx.owner, input)),
  revoke: customerProcedure
    .input(z.object({ id: idInput("The signing link id") }))
    .mutation(({ ctx, input }) => revokeSigningLink(ctx.db, ctx.clock, ctx.owner, input)),
});
