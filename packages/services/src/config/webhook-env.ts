import { ConfigError, type EnvSource, isProduction } from "./config-error";

/** Where webhooks may be delivered: public unicast addresses only; loopback only in development on request. */
export interface WebhookDestinationPolicy {
  allowLoopback: boolean;
  httpsOnly: boolean;
}

/** `WEBHOOK_ALLOW_LOOPBACK=true` lets a development receiver on this machine get events; production refuses it. */
export function readWebhookDestinationPolicy(env: EnvSource): WebhookDestinationPolicy {
  const production = isProduction(env);
  const raw = env.WEBHOOK_ALLOW_LOOPBACK ?? "";
  if (raw !== "" && raw !== "true" && raw !== "false") {
    throw new ConfigError(`WEBHOOK_ALLOW_LOOPBACK="${raw}" must be true or false.`);
  }
  if (production && raw === "true") {
    throw new ConfigError("WEBHOOK_ALLOW_LOOPBACK=true is refused in production: remove it.");
  }
  return { allowLoopback: raw === "true", httpsOnly: production };
}

let processPolicy: WebhookDestinationPolicy | undefined;

/** The policy of this process, read once from its environment. */
export function webhookDestinationPolicy(): WebhookDestinationPolicy {
  processPolicy ??= readWebhookDestinationPolicy(process.env);
  return processPolicy;
}
