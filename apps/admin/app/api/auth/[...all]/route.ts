import { getRuntime } from "@/server/runtime";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(request: Request) {
  return getRuntime().auth.handler(request);
}

export function POST(request: Request) {
  return getRuntime().auth.handler(request);
}
