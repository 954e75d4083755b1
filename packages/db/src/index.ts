export * from "./app-role";
export * from "./client";
export * from "./queries/index";
export * from "./schema/index";
