import { createAdminCaller } from "@portway/api/admin";
import { reportCharts } from "@portway/services";
import { TRPCError } from "@trpc/server";
import { createRequestContext } from "@/server/runtime";

const statusOf: Partial<Record<TRPCError["code"], number>> = {
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  BAD_REQUEST: 400,
};

/** The table behind one report chart as a CSV download (leads only, like the reports themselves). */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const chart = reportCharts.find((c) => c === url.searchParams.get("chart"));
  if (!chart) {
    return new Response(`Unknown chart; use one of ${reportCharts.join(", ")}.\n`, { status: 400 });
  }
  const caller = createAdminCaller(await createRequestContext(request.headers));
  try {
    const csv = await caller.reports.csv({
      chart,
      ...(url.searchParams.get("from") ? { from: url.searchParams.get("from") ?? "" } : {}),
      ...(url.searchParams.get("to") ? { to: url.searchParams.get("to") ?? "" } : {}),
    });
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="portway-${chart}.csv"`,
      },
    });
  } catch (error) {
    if (error instanceof TRPCError) {
      return new Response(`${error.message}\n`, { status: statusOf[error.code] ?? 500 });
    }
    throw error;
  }
}
