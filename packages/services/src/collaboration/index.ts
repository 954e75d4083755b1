export * from "./account-events";
export * from "./document-metadata";
export * from "./documents";
export * from "./note-edits";
export * from "./notes";
export * from "./sniff-document";
export * from "./tickets";
