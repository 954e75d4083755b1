export * from "./api-key-identity";
export * from "./pending-submissions";
export * from "./port-in";
