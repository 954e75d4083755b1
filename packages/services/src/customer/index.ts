export * from "./account";
export * from "./draft-documents";
export * from "./foc-options";
export * from "./home";
export * from "./loa-pdf";
