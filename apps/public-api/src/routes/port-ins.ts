import { createRoute, z } from "@hono/zod-openapi";
import {
  cancelRequestSchema,
  focRequestSchema,
  numberCheckSchema,
  ORDER_STATUSES,
  orderChangesSchema,
  PORT_TYPES,
} from "@portway/domain";
import {
  cancelOrder,
  checkNumbers,
  createdOrdersRiskWarnings,
  editOrder,
  getOrderDetail,
  getOrderFocOptions,
  getPortIn,
  listOrders,
  orderFiltersInput,
  type PortInView,
  requestActivation,
  rescheduleOrder,
  resubmitOrder,
  ServiceError,
  saveDraft,
  submissionInput,
  submitPortRequest,
} from "@portway/services";
import type { Context } from "hono";
import type { ApiEnv, ApiRouter } from "../context";
import { runIdempotent } from "../idempotency";
import { problemResponses } from "../problem";
import {
  actionResultSchema,
  draftSchema,
  focOptionsSchema,
  orderPageSchema,
  portabilityCheckSchema,
  portInSchema,
  submissionResultSchema,
  wire,
} from "../schemas";

/** The most numbers one portability check through the API takes. */
export const API_CHECK_MAX_TNS = 10_000;

const orderId = z.object({ id: z.uuid().openapi({ param: { name: "id", in: "path" }, description: "Order ID" }) });
const idempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .optional()
    .openapi({ description: "Same key and body: the first answer again. Same key, another body: 409." }),
});
const ifMatchRequired = z.object({
  "if-match": z.string().openapi({ description: 'The order\'s ETag (its version in quotes, e.g. "3").' }),
});
const ifMatchOptional = z.object({
  "if-match": z.string().optional().openapi({ description: "The order's ETag; without it, the current version." }),
});
const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });

export function etagOf(version: number): string {
  return `"${version}"`;
}

/** The version an If-Match names: `"3"`, `W/"3"` or `3`. Anything else is a 400. */
export function versionOfEtag(value: string): number {
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  const version = match?.[1] ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(version) || version < 1) {
    throw new ServiceError(
      "INVALID",
      "INVALID_ETAG",
      'If-Match must be an ETag this API answered, such as "3".',
      "If-Match",
    );
  }
  return version;
}

/** A version conflict on a request that named its version with If-Match is RFC 9110's 412. */
function asPrecondition(error: unknown): never {
  if (error instanceof ServiceError && error.code === "VERSION_CONFLICT") {
    throw new ServiceError("PRECONDITION", error.code, error.message, "If-Match", error.issues, error.details);
  }
  throw error;
}

/** The port-in as the API shows it: the order with what a client acts on (actions, TNs, open rejections). */
export function presentPortIn(view: PortInView) {
  const { order } = view;
  return {
    id: order.id,
    portRequestId: order.portRequestId,
    status: order.status,
    portType: order.portType,
    pon: order.pon,
    version: order.version,
    customerReference: order.customerReference,
    focAt: order.focAt,
    requestedFocAt: order.requestedFocAt,
    shortNoticeCutoff: order.shortNoticeCutoff,
    supp: order.supp,
    activationDueAt: order.activationDueAt,
    activationHeld: order.activationHeld,
    onNet: order.onNet,
    carrier: order.carrier,
    createdAt: order.createdAt,
    updatedAt: order.updatedAt,
    details: order.details,
    actions: view.actions,
    tns: view.tns,
    rejections: view.rejections.map((r) => ({
      id: r.id,
      code: r.code,
      reason: r.reason,
      receivedAt: r.receivedAt,
      resolvedAt: r.resolvedAt,
    })),
  };
}

export async function loadDetail(c: Context<ApiEnv>, id: string) {
  const { db, clock } = c.get("runtime");
  return getOrderDetail(db, { orderId: id, accountId: c.get("caller").accountId }, { staff: false, now: clock.now() });
}

const listQuery = orderFiltersInput.omit({ statuses: true, portTypes: true }).extend({
  status: z.string().optional().openapi({ description: "Comma-separated statuses, e.g. SUBMITTED,FOC" }),
  portType: z.string().optional().openapi({ description: "Comma-separated port types" }),
  limit: z.coerce.number().int().min(1).max(200).default(25),
  cursor: z.string().max(200).optional().openapi({ description: "nextCursor of the previous page" }),
});

function decodeCursor(cursor: string | undefined): number {
  if (!cursor) {
    return 0;
  }
  const page = Number(Buffer.from(cursor, "base64url").toString("utf8").replace(/^p:/, ""));
  if (!Number.isInteger(page) || page < 0 || page > 100_000) {
    throw new ServiceError("INVALID", "INVALID_CURSOR", "The cursor is not one this API answered.", "cursor");
  }
  return page;
}

const encodeCursor = (page: number) => Buffer.from(`p:${page}`).toString("base64url");

const csv = <T extends string>(value: string | undefined, allowed: readonly T[], field: string): T[] | undefined => {
  if (!value) {
    return undefined;
  }
  const parts = value.split(",").map((s) => s.trim());
  const bad = parts.find((p) => !(allowed as readonly string[]).includes(p));
  if (bad !== undefined) {
    throw new ServiceError("INVALID", "INVALID_FILTER", `${bad} is not one of ${allowed.join(", ")}.`, field);
  }
  return parts as T[];
};

export function registerPortInRoutes(app: ApiRouter) {
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/portability-checks",
      tags: ["Portability"],
      summary: "Check numbers",
      description: `Per number: valid, portable, on-net or off-net, losing carrier, requirements and earliest FOC; and how the portable numbers group into orders. At most ${API_CHECK_MAX_TNS.toLocaleString("en-US")} numbers, in any format (one a line, commas, ranges).`,
      request: { body: { required: true, ...json(numberCheckSchema) } },
      responses: { 200: { description: "The check", ...json(portabilityCheckSchema) }, ...problemResponses() },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const result = await checkNumbers(db, {
        input: c.req.valid("json").input,
        accountId: c.get("caller").accountId,
        now: clock.now(),
        limits: { maxTns: API_CHECK_MAX_TNS },
      });
      return c.json(wire(portabilityCheckSchema, result), 200);
    },
  );

  const submitBody = submissionInput.extend({
    mode: z
      .enum(["submit", "draft"])
      .default("submit")
      .openapi({ description: "submit (default) creates the orders; draft saves the submission as a draft." }),
  });
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/port-ins",
      tags: ["Port-ins"],
      summary: "Submit a port request (or save a draft)",
      description:
        "Splits the numbers into orders by losing carrier and port type and submits them in one transaction. Documents (the signed LOA) are uploaded to a draft first and submitted with its draftId.",
      request: { headers: idempotencyHeader, body: { required: true, ...json(submitBody) } },
      responses: {
        200: {
          description: "Already submitted (same customer reference or idempotency key)",
          ...json(submissionResultSchema),
        },
        201: { description: "Submitted, or the draft saved", ...json(z.union([submissionResultSchema, draftSchema])) },
        ...problemResponses(409),
      },
    }),
    async (c) => {
      const runtime = c.get("runtime");
      const caller = c.get("caller");
      const body = c.req.valid("json");
      const answer = await runIdempotent<unknown>(
        runtime,
        caller,
        c.req.valid("header")["idempotency-key"],
        body,
        async () => {
          if (body.mode === "draft") {
            const saved = await saveDraft(runtime.db, runtime.clock, caller.owner, {
              ...(body.draftId ? { draftId: body.draftId } : {}),
              data: body.submission,
            });
            return { status: 201 as const, body: { draftId: saved.id, version: saved.version, data: body.submission } };
          }
          const result = await submitPortRequest(runtime.db, runtime.clock, caller.owner, {
            ...(body.draftId ? { draftId: body.draftId } : {}),
            submission: body.submission,
          });
          // The wizard's rejection-risk warnings, from the same service: warnings, never errors.
          const risk = await createdOrdersRiskWarnings(runtime.db, {
            accountId: caller.accountId,
            now: runtime.clock.now(),
            orderIds: result.orders.map((o) => o.id),
            accountNumber: body.submission.accountNumber ?? null,
            pin: body.submission.pin ?? null,
          });
          return {
            status: result.created ? (201 as const) : (200 as const),
            body: { ...result, riskWarnings: risk.warnings },
          };
        },
      );
      if (answer.replayed) {
        c.header("idempotent-replayed", "true");
      }
      return c.json(wire(submissionResultSchema, answer.body), answer.status);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins",
      tags: ["Port-ins"],
      summary: "List port-ins",
      description:
        "The account's orders, newest first, with the portal's filters; follow nextCursor for the next page.",
      request: { query: listQuery },
      responses: { 200: { description: "A page", ...json(orderPageSchema) }, ...problemResponses() },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      const { limit, cursor, status, portType, ...filters } = c.req.valid("query");
      const page = decodeCursor(cursor);
      const statuses = csv(status, ORDER_STATUSES, "status");
      const portTypes = csv(portType, PORT_TYPES, "portType");
      const result = await listOrders(
        db,
        { accountId: c.get("caller").accountId },
        {
          ...filters,
          ...(statuses ? { statuses } : {}),
          ...(portTypes ? { portTypes } : {}),
          page,
          pageSize: limit,
          sort: "createdAt",
          direction: "desc",
        },
      );
      const more = (page + 1) * limit < result.total;
      return c.json(
        wire(orderPageSchema, {
          data: result.rows.map(({ accountId: _a, accountName: _n, assignedTo: _t, ...row }) => row),
          total: result.total,
          totalCapped: result.totalCapped,
          nextCursor: more ? encodeCursor(page + 1) : null,
        }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins/{id}",
      tags: ["Port-ins"],
      summary: "Get a port-in",
      request: { params: orderId },
      responses: {
        200: { description: "The order; ETag is its version", ...json(portInSchema) },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      // The order, its TNs and actions from one statement, not the order page's whole read.
      const view = await getPortIn(
        db,
        { orderId: c.req.valid("param").id, accountId: c.get("caller").accountId },
        { now: clock.now() },
      );
      c.header("etag", etagOf(view.order.version));
      return c.json(wire(portInSchema, presentPortIn(view)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "patch",
      path: "/v1/port-ins/{id}",
      tags: ["Port-ins"],
      summary: "Edit a port-in before FOC",
      description:
        "Merge semantics: an absent field is unchanged, null clears it. If-Match must carry the ETag of the version the change is based on; a stale one is a 412.",
      request: { params: orderId, headers: ifMatchRequired, body: { required: true, ...json(orderChangesSchema) } },
      responses: {
        200: { description: "Edited", ...json(actionResultSchema) },
        ...problemResponses(404, 409, 412),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const baseVersion = versionOfEtag(c.req.valid("header")["if-match"]);
      const result = await editOrder(db, clock, c.get("caller").acting, {
        orderId: c.req.valid("param").id,
        baseVersion,
        changes: c.req.valid("json"),
      }).catch(asPrecondition);
      c.header("etag", etagOf(result.version));
      return c.json(wire(actionResultSchema, result), 200);
    },
  );

  const actionRoute = (action: string, summary: string, body: z.ZodType | null, bodyRequired = true) =>
    createRoute({
      method: "post",
      path: `/v1/port-ins/{id}/${action}`,
      tags: ["Port-ins"],
      summary,
      request: {
        params: orderId,
        headers: ifMatchOptional,
        ...(body ? { body: { required: bodyRequired, ...json(body) } } : {}),
      },
      responses: { 200: { description: "Done", ...json(actionResultSchema) }, ...problemResponses(404, 409, 412) },
    });

  /** The version an action is based on: If-Match when given (a stale one is a 412), else the current one. */
  async function baseVersionOf(c: Context<ApiEnv>, id: string, ifMatch: string | undefined) {
    return ifMatch ? versionOfEtag(ifMatch) : (await loadDetail(c, id)).order.version;
  }
  const answer = (c: Context<ApiEnv>, result: { id: string; status: string; version: number }) => {
    c.header("etag", etagOf(result.version));
    return result;
  };

  const rescheduleBody = focRequestSchema.omit({ orderId: true, baseVersion: true }).openapi("RescheduleRequest");
  app.openapi(actionRoute("reschedule", "Reschedule (a new FOC date and ET time)", rescheduleBody), async (c) => {
    const { db, clock } = c.get("runtime");
    const id = c.req.valid("param").id;
    const body = rescheduleBody.parse(await c.req.json());
    const baseVersion = await baseVersionOf(c, id, c.req.valid("header")["if-match"]);
    const result = await rescheduleOrder(db, clock, c.get("caller").acting, {
      orderId: id,
      baseVersion,
      ...body,
    }).catch(asPrecondition);
    return c.json(wire(actionResultSchema, answer(c, result)), 200);
  });

  const cancelBody = cancelRequestSchema.omit({ orderId: true, baseVersion: true }).openapi("CancelRequest");
  app.openapi(actionRoute("cancel", "Cancel", cancelBody, false), async (c) => {
    const { db, clock } = c.get("runtime");
    const id = c.req.valid("param").id;
    const text = await c.req.text();
    const body = cancelBody.parse(text.trim() ? JSON.parse(text) : {});
    const baseVersion = await baseVersionOf(c, id, c.req.valid("header")["if-match"]);
    const result = await cancelOrder(db, clock, c.get("caller").acting, { orderId: id, baseVersion, ...body }).catch(
      asPrecondition,
    );
    return c.json(wire(actionResultSchema, answer(c, result)), 200);
  });

  app.openapi(actionRoute("activate", "Activate on demand (FOC day)", null), async (c) => {
    const { db, clock } = c.get("runtime");
    const id = c.req.valid("param").id;
    const baseVersion = await baseVersionOf(c, id, c.req.valid("header")["if-match"]);
    const result = await requestActivation(db, clock, c.get("caller").acting, { orderId: id, baseVersion }).catch(
      asPrecondition,
    );
    return c.json(wire(actionResultSchema, answer(c, result)), 200);
  });

  app.openapi(actionRoute("resubmit", "Resubmit after an exception", null), async (c) => {
    const { db, clock } = c.get("runtime");
    const id = c.req.valid("param").id;
    const baseVersion = await baseVersionOf(c, id, c.req.valid("header")["if-match"]);
    const result = await resubmitOrder(db, clock, c.get("caller").acting, { orderId: id, baseVersion }).catch(
      asPrecondition,
    );
    return c.json(wire(actionResultSchema, answer(c, result)), 200);
  });

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins/{id}/foc-options",
      tags: ["Port-ins"],
      summary: "Valid FOC dates and times to reschedule to",
      request: { params: orderId },
      responses: { 200: { description: "The options", ...json(focOptionsSchema) }, ...problemResponses(404) },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const result = await getOrderFocOptions(db, clock.now(), {
        orderId: c.req.valid("param").id,
        accountId: c.get("caller").accountId,
      });
      return c.json(wire(focOptionsSchema, result), 200);
    },
  );
}
