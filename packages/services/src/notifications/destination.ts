import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import type { WebhookDestinationPolicy } from "../config/webhook-env";
import { invalid } from "../errors";

/** Why a destination is refused, in words a customer can act on; null when it may be delivered to. */
export function refuseAddress(address: string, policy: WebhookDestinationPolicy): string | null {
  if (!ipaddr.isValid(address)) {
    return "is not an IP address";
  }
  // process() turns IPv4-mapped IPv6 (::ffff:127.0.0.1) into the IPv4 address it stands for.
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  if (range === "unicast") {
    return null;
  }
  if (range === "loopback" && policy.allowLoopback) {
    return null;
  }
  return `is a ${range} address, which webhooks are never delivered to`;
}

/** The URL's host as an IP literal (brackets of IPv6 removed), or null for a name. */
export function literalHost(url: URL): string | null {
  const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
  return ipaddr.isValid(host) ? host : null;
}

/** The scheme, credentials and an IP-literal host: everything that needs no lookup. */
export function refuseWithoutLookup(url: URL, policy: WebhookDestinationPolicy): string | null {
  if (url.protocol !== "https:" && (policy.httpsOnly || url.protocol !== "http:")) {
    return policy.httpsOnly ? "must use https://" : "must use http:// or https://";
  }
  if (url.username || url.password) {
    return "may not carry a user name or password";
  }
  const literal = literalHost(url);
  if (literal) {
    const reason = refuseAddress(literal, policy);
    return reason ? `points at ${literal}, which ${reason}` : null;
  }
  return null;
}

/** Why the URL may not receive webhooks (scheme or an address its host names), or null. Resolves names. */
export async function refuseDestination(value: string, policy: WebhookDestinationPolicy): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return "is not a URL";
  }
  const before = refuseWithoutLookup(url, policy);
  if (before || literalHost(url)) {
    return before;
  }
  let addresses: { address: string }[];
  try {
    addresses = await lookup(url.hostname, { all: true, verbatim: true });
  } catch {
    // A name that does not resolve yet is checked again at every delivery.
    return null;
  }
  for (const { address } of addresses) {
    const reason = refuseAddress(address, policy);
    if (reason) {
      return `resolves to ${address}, which ${reason}`;
    }
  }
  return null;
}

/** At create and update: a refused destination is a 400 on the url field. */
export async function requireAllowedDestination(value: string, policy: WebhookDestinationPolicy): Promise<void> {
  const reason = await refuseDestination(value, policy);
  if (reason) {
    throw invalid([{ field: "url", code: "WEBHOOK_DESTINATION_REFUSED", message: `The URL ${reason}.` }]);
  }
}
