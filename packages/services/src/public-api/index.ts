export * from "./api-key-identity";
export * from "./pending-submissions";
