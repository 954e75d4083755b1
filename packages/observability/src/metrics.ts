import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/**
 * One registry per process with every metric Portway exposes at `/metrics`. Metrics that only one kind of process
 * feeds (queue depth: the worker; HTTP latency: the portals) simply stay empty elsewhere.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry });

export const httpRequestDuration = new Histogram({
  name: "portway_http_request_duration_seconds",
  help: "HTTP request latency by route, method and status",
  labelNames: ["route", "method", "status"] as const,
  buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
  registers: [registry],
});

export const queueDepth = new Gauge({
  name: "portway_queue_depth",
  help: "Jobs waiting or running, by job type",
  labelNames: ["queue"] as const,
  registers: [registry],
});

export const deadLetters = new Gauge({
  name: "portway_dead_letters",
  help: "Partner deliveries that failed for good and wait for the porting team",
  registers: [registry],
});

export const partnerRequestDuration = new Histogram({
  name: "portway_partner_request_duration_seconds",
  help: "Latency of requests to the porting partner, by operation and outcome",
  labelNames: ["operation", "outcome"] as const,
  buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
  registers: [registry],
});

export const partnerRequestErrors = new Counter({
  name: "portway_partner_request_errors_total",
  help: "Failed requests to the porting partner, by operation and error kind",
  labelNames: ["operation", "kind"] as const,
  registers: [registry],
});

export const callbackLag = new Histogram({
  name: "portway_partner_callback_lag_seconds",
  help: "Time from a partner event's occurrence to its application",
  buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300],
  registers: [registry],
});

export const webhookFailures = new Counter({
  name: "portway_webhook_failures_total",
  help: "Webhook delivery attempts that failed",
  labelNames: ["reason"] as const,
  registers: [registry],
});

/** The Prometheus text exposition of this process's metrics. */
export async function renderMetrics(): Promise<{ contentType: string; body: string }> {
  return { contentType: registry.contentType, body: await registry.metrics() };
}
