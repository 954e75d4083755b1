import type { CustomerRouterOutputs } from "@portway/api/customer";

export type OrderDetail = CustomerRouterOutputs["orders"]["get"];
export type OrderAction = OrderDetail["actions"][number];
