export * from "./drafts";
export * from "./jobs";
export * from "./list-orders";
export * from "./order-actions";
export * from "./order-detail";
export * from "./order-store";
export * from "./submit";
