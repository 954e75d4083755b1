export * from "./account";
export * from "./foc-options";
export * from "./home";
export * from "./loa-pdf";
