import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { customerMeRouter } from "./customer/me";
import { customerOrdersRouter } from "./customer/orders";
import { createCallerFactory, router } from "./trpc";

export const customerRouter = router({
  me: customerMeRouter,
  orders: customerOrdersRouter,
});

export type CustomerRouter = typeof customerRouter;
export type CustomerRouterInputs = inferRouterInputs<CustomerRouter>;
export type CustomerRouterOutputs = inferRouterOutputs<CustomerRouter>;
export const createCustomerCaller = createCallerFactory(customerRouter);
