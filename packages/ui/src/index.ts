export * from "./app-shell";
export * from "./data-table";
export * from "./format";
export * from "./sign-in-form";
export * from "./sign-out-button";
export * from "./status-badge";
export * from "./table-state";
