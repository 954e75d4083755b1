export * from "./carrier-requirements";
export * from "./check-numbers";
export * from "./import-numbering";
export * from "./list-carriers";
export * from "./sample-dataset";
export * from "./seed-numbering";
export * from "./validate-numbering-csv";
