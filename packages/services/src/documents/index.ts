export * from "./file-name";
export * from "./loa-document";
export * from "./serve-document";
