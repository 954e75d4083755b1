import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { adminAccountsRouter } from "./admin/accounts";
import { adminMeRouter } from "./admin/me";
import { adminSystemRouter } from "./admin/system";
import { createCallerFactory, router } from "./trpc";

export const adminRouter = router({
  me: adminMeRouter,
  accounts: adminAccountsRouter,
  system: adminSystemRouter,
});

export type AdminRouter = typeof adminRouter;
export type AdminRouterInputs = inferRouterInputs<AdminRouter>;
export type AdminRouterOutputs = inferRouterOutputs<AdminRouter>;
export const createAdminCaller = createCallerFactory(adminRouter);
