import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { customerAccountRouter } from "./customer/account";
import { customerApiKeysRouter } from "./customer/api-keys";
import { customerBulkRouter } from "./customer/bulk";
import { customerDocumentsRouter } from "./customer/documents";
import { customerDraftsRouter } from "./customer/drafts";
import { customerFocRouter } from "./customer/foc";
import { customerHomeRouter } from "./customer/home";
import { customerMeRouter } from "./customer/me";
import { customerNotesRouter } from "./customer/notes";
import { customerNotificationsRouter } from "./customer/notifications";
import { customerNumbersRouter } from "./customer/numbers";
import { customerOrdersRouter } from "./customer/orders";
import { customerSigningRouter } from "./customer/signing";
import { customerSubmissionsRouter } from "./customer/submissions";
import { customerTicketsRouter } from "./customer/tickets";
import { customerWebhooksRouter } from "./customer/webhooks";
import { createCallerFactory, router } from "./trpc";

export const customerRouter = router({
  me: customerMeRouter,
  numbers: customerNumbersRouter,
  drafts: customerDraftsRouter,
  submissions: customerSubmissionsRouter,
  orders: customerOrdersRouter,
  notes: customerNotesRouter,
  documents: customerDocumentsRouter,
  tickets: customerTicketsRouter,
  notifications: customerNotificationsRouter,
  webhooks: customerWebhooksRouter,
  apiKeys: customerApiKeysRouter,
  home: customerHomeRouter,
  foc: customerFocRouter,
  account: customerAccountRouter,
  signing: customerSigningRouter,
  bulk: customerBulkRouter,
});

export type CustomerRouter = typeof customerRouter;
export type CustomerRouterInputs = inferRouterInputs<CustomerRouter>;
export type CustomerRouterOutputs = inferRouterOutputs<CustomerRouter>;
export const createCustomerCaller = createCallerFactory(customerRouter);
