import { exportStaffOrdersCsv, ServiceError, staffOrderFiltersInput } from "@portway/services";
import { createRequestContext } from "@/server/runtime";
import { staffOrderFiltersFromParams } from "../orders-query";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

/** Every order matching the orders page's filters as a CSV download, streamed in batches. Staff only. */
export async function GET(request: Request) {
  const ctx = await createRequestContext(request.headers);
  if (ctx.identity?.kind !== "staff") {
    return new Response("Sign in to the admin portal first.\n", { status: 401 });
  }
  const parsed = staffOrderFiltersInput.safeParse(staffOrderFiltersFromParams(new URL(request.url).searchParams));
  if (!parsed.success) {
    return Response.json(
      { issues: parsed.error.issues.map((i) => ({ field: i.path.join("."), code: i.code, message: i.message })) },
      { status: 400 },
    );
  }
  const chunks = exportStaffOrdersCsv(ctx.db, parsed.data);
  // The first chunk is read before answering, so a bad TN filter is a 400 naming the field, not a broken download.
  let first: IteratorResult<string>;
  try {
    first = await chunks.next();
  } catch (error) {
    if (error instanceof ServiceError && error.kind === "INVALID") {
      return Response.json(
        { issues: [{ field: error.field, code: error.code, message: error.message }] },
        { status: 400 },
      );
    }
    throw error;
  }
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (!first.done) {
        controller.enqueue(encoder.encode(first.value));
      }
    },
    async pull(controller) {
      const next = await chunks.next();
      if (next.done) {
        controller.close();
      } else {
        controller.enqueue(encoder.encode(next.value));
      }
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
  const date = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="portway-orders-${date}.csv"`,
    },
  });
}
