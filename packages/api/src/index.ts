export * from "./admin";
export * from "./context";
export * from "./customer";
export type { Context } from "./trpc";
