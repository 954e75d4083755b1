export * from "./http";
export * from "./logger";
export * from "./metrics";
