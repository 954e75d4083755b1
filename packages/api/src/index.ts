export * from "./admin";
export * from "./context";
export * from "./customer";
export { handleTrpcRequest, maxTrpcBatch, maxTrpcBodyBytes, refuseRequest } from "./http-handler";
export type { Context } from "./trpc";
