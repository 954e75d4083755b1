export * from "./audit";
export * from "./dead-letters";
export * from "./home";
export * from "./queues";
export * from "./record-events";
export * from "./search";
export * from "./staff-users";
export * from "./workbench";
