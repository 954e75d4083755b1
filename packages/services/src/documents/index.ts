export * from "./bulk-port-in";
export * from "./file-name";
export * from "./loa-document";
export * from "./serve-document";
export * from "./signed-loa";
export * from "./signing";
export * from "./signing-http";
