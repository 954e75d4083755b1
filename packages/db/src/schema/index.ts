export * from "./accounts";
export * from "./auth";
export * from "./collaboration";
export * from "./numbering";
export * from "./order-work";
export * from "./orders";
export * from "./outbox";
export * from "./system";
