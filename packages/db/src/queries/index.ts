export * from "./accounts";
export * from "./heartbeats";
export * from "./orders";
