export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ name: "admin-portal", status: "ok" });
}
