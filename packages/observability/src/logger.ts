import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";
import pino, { type DestinationStream, type Logger } from "pino";

/** What every log line of a request or a job carries: its ID, and whatever else the entry point adds. */
export interface LogContext {
  requestId?: string;
  jobId?: string;
  [key: string]: unknown;
}

const context = new AsyncLocalStorage<LogContext>();

/** Builds a process's logger: one JSON object a line, with the current request or job context mixed in. */
export function createLogger(service: string, destination?: DestinationStream): Logger {
  const options = {
    base: { service },
    level: process.env.LOG_LEVEL ?? "info",
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin: () => ({ ...context.getStore() }),
  };
  return destination ? pino(options, destination) : pino(options);
}

let processLogger: Logger | undefined;

/** The process's logger; `setLogger` names the service once at start, before that it is "portway". */
export function logger(): Logger {
  processLogger ??= createLogger("portway");
  return processLogger;
}

export function setLogger(next: Logger): void {
  processLogger = next;
}

/** Runs `fn` with a log context, so that every line logged inside it (awaits included) carries the IDs. */
export function withLogContext<T>(values: LogContext, fn: () => T): T {
  return context.run({ ...context.getStore(), ...values }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return context.getStore();
}

/** A request ID: the caller's `x-request-id` when it is a sane token, else a new UUID. */
export function requestIdFrom(header: string | null | undefined): string {
  if (header && /^[A-Za-z0-9._:-]{8,128}$/.test(header)) {
    return header;
  }
  return randomUUID();
}
