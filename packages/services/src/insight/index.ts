export * from "./carrier-stats";
export * from "./config";
export * from "./risk-warnings";
