import type { AdminRouterOutputs } from "@portway/api/admin";

export type WorkbenchView = AdminRouterOutputs["orders"]["workbench"];
