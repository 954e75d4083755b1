export * from "./file-name";
export * from "./serve-document";
