export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ name: "customer-portal", status: "ok" });
}
