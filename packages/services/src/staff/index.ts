export * from "./queues";
export * from "./record-events";
