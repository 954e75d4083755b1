export type PartnerHealth = { up: true; latencyMs: number; name: string } | { up: false; reason: string };

/** Asks the partner's health endpoint; never throws, a failure is an answer. */
export async function checkPartnerHealth(baseUrl: string, timeoutMs = 2_000): Promise<PartnerHealth> {
  const started = performance.now();
  try {
    const response = await fetch(new URL("/health", baseUrl), { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) {
      return { up: false, reason: `HTTP ${response.status}` };
    }
    const body = (await response.json()) as { name?: unknown };
    return {
      up: true,
      latencyMs: Math.round(performance.now() - started),
      name: typeof body.name === "string" ? body.name : "partner",
    };
  } catch (error) {
    return { up: false, reason: error instanceof Error ? error.message : String(error) };
  }
}
