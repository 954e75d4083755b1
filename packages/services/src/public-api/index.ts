export * from "./pending-submissions";
