import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { adminAccountsRouter } from "./admin/accounts";
import { adminAdministrationRouter } from "./admin/administration";
import { adminAuditRouter } from "./admin/audit";
import { adminBulkRouter } from "./admin/bulk";
import { adminHomeRouter } from "./admin/home";
import { adminInsightRouter } from "./admin/insight";
import { adminMailRouter } from "./admin/mail";
import { adminMeRouter } from "./admin/me";
import { adminNotificationsRouter } from "./admin/notifications";
import { adminNumberingRouter } from "./admin/numbering";
import { adminOrdersRouter } from "./admin/orders";
import { adminQueuesRouter } from "./admin/queues";
import { adminReportsRouter } from "./admin/reports";
import { adminSearchRouter } from "./admin/search";
import { adminStaffRouter } from "./admin/staff";
import { adminSystemRouter } from "./admin/system";
import { adminTicketsRouter } from "./admin/tickets";
import { createCallerFactory, router } from "./trpc";

export const adminRouter = router({
  me: adminMeRouter,
  home: adminHomeRouter,
  accounts: adminAccountsRouter,
  administration: adminAdministrationRouter,
  insight: adminInsightRouter,
  numbering: adminNumberingRouter,
  orders: adminOrdersRouter,
  queues: adminQueuesRouter,
  reports: adminReportsRouter,
  search: adminSearchRouter,
  staff: adminStaffRouter,
  audit: adminAuditRouter,
  bulk: adminBulkRouter,
  system: adminSystemRouter,
  tickets: adminTicketsRouter,
  notifications: adminNotificationsRouter,
  mail: adminMailRouter,
});

export type AdminRouter = typeof adminRouter;
export type AdminRouterInputs = inferRouterInputs<AdminRouter>;
export type AdminRouterOutputs = inferRouterOutputs<AdminRouter>;
export const createAdminCaller = createCallerFactory(adminRouter);
