export * from "./api-keys";
export * from "./deliver";
export * from "./email";
export * from "./events";
export * from "./inbox";
export * from "./record";
export * from "./standard-webhooks";
export * from "./webhooks";
