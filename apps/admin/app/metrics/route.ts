import { metricsResponse } from "@portway/observability";
import { getEnv } from "@/env";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  const env = getEnv();
  return metricsResponse(request, { production: env.production, token: env.metricsToken });
}
