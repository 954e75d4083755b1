export * from "./documents";
export * from "./notes";
export * from "./sniff-document";
export * from "./tickets";
