export * from "./carrier-insight";
export * from "./carrier-stats";
export * from "./config";
export * from "./demo-history";
export * from "./risk-warnings";
