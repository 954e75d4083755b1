export * from "./apply-callback";
export * from "./dispatch";
export * from "./scans";
export * from "./to-partner";
