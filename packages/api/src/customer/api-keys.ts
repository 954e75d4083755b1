import { apiKeyRef, createApiKey, createApiKeyInput, listApiKeys, revokeApiKeyOf } from "@portway/services";
import { customerProcedure, router } from "../trpc";

export const customerApiKeysRouter = router({
  list: customerProcedure.query(({ ctx }) => listApiKeys(ctx.db, ctx.user)),
  create: customerProcedure
    .input(createApiKeyInput)
    .mutation(({ ctx, input }) => createApiKey(ctx.db, ctx.clock, ctx.user, input)),
  revoke: customerProcedure
    .input(apiKeyRef)
    .mutation(({ ctx, input }) => revokeApiKeyOf(ctx.db, ctx.clock, ctx.user, input)),
});
