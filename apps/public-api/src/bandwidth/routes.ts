import { findCustomerAccount } from "@portway/db";
import { orderChangesSchema } from "@portway/domain";
import {
  addCustomerNote,
  attachDraftDocument,
  cancelOrder,
  changeDocumentMetadata,
  checkNumbers,
  createdOrdersRiskWarnings,
  editCustomerNote,
  editOrder,
  getBandwidthPortIn,
  getDraft,
  getOrderDetail,
  listDraftDocuments,
  listOrders,
  readDocument,
  removeDocument,
  removeDraft,
  replaceDocument,
  requestActivation,
  resolveApiKeyOnce,
  resolvePortIn,
  ServiceError,
  saveDraft,
  submitOrAwaitDocuments,
  submitPortRequest,
  uploadOrderDocument,
} from "@portway/services";
import { type Context, Hono } from "hono";
import { bearerOf, spendCall } from "../auth";
import { type ApiEnv, callerFor } from "../context";
import { serviceErrorStatus, toProblem } from "../problem";
import { parseLnpOrder, suppChanges, tenDigits } from "./lnp-order";
import {
  lnpDraftResponse,
  lnpOrderResponse,
  portabilityResponse,
  processingStatus,
  processingStatusOf,
  statusesOfFilter,
} from "./present";
import { BandwidthError, buildXml, checkElements, listOf, parseXml, textOf, type XmlNode, type XmlValue } from "./xml";

/** Which error shape an endpoint answers with (Bandwidth uses three). */
type Family = "portins" | "lnpchecker" | "notes" | "activation";

const xmlHeaders = { "content-type": "application/xml; charset=utf-8" };

function xml(c: Context, status: number, root: string, content: unknown, headers: Record<string, string> = {}) {
  return c.body(buildXml(root, content), status as 200, { ...xmlHeaders, ...headers });
}

function errorBody(family: Family, status: number, code: string, message: string, tns: readonly string[]) {
  const errors = { Code: code, Description: message, ...(tns.length > 0 ? { TelephoneNumbers: { Tn: tns } } : {}) };
  switch (family) {
    case "lnpchecker":
      return { root: "NumberPortabilityResponse", content: { Errors: errors } };
    case "notes":
      return { root: "NoteResponse", content: { ResponseStatus: { ErrorCode: code, Description: message } } };
    case "activation":
      return {
        root: "ActivationStatusResponse",
        content: { ResponseStatus: { ErrorCode: code, Description: message } },
      };
    default:
      return {
        root: "LnpOrderResponse",
        content: { Status: { Code: String(status), Description: message }, Errors: errors },
      };
  }
}

/** Any failure as Bandwidth's error XML for the endpoint's family; never a stack or SQL. */
function failure(c: Context, family: Family, error: unknown) {
  if (error instanceof BandwidthError) {
    const body = errorBody(family, error.status, error.code, error.message, error.tns);
    return xml(c, error.status, body.root, body.content);
  }
  if (error instanceof ServiceError) {
    const status = serviceErrorStatus[error.kind];
    const issues =
      error.issues.length > 0 ? error.issues : [{ field: error.field, code: error.code, message: error.message }];
    const body = errorBody(family, status, error.code, error.message, []);
    if (family === "portins" && issues.length > 1) {
      (body.content as { Errors: unknown }).Errors = issues.map((i) => ({ Code: i.code, Description: i.message }));
    }
    return xml(c, status, body.root, body.content);
  }
  const problem = toProblem(error, c.req.path);
  const body = errorBody(family, problem.status, problem.code, problem.detail, []);
  return xml(c, problem.status, body.root, body.content);
}

type Handler = (c: Context<ApiEnv>) => Promise<Response>;
const guarded =
  (family: Family, handler: Handler): Handler =>
  async (c) => {
    try {
      return await handler(c);
    } catch (error) {
      return failure(c, family, error);
    }
  };

/**
 * The numbers of a NumberPortabilityRequest in its plain form (no namespaces, comments or entities), read without
 * building a tree: a 10,000-number check spends its time checking numbers, not parsing XML. Null for any other form,
 * which the full parser reads.
 */
function plainTnList(text: string): string[] | null {
  const match =
    /^\s*(?:<\?xml[^>]*\?>\s*)?<NumberPortabilityRequest>\s*<TnList>((?:\s*<Tn>[^<&]*<\/Tn>)*)\s*<\/TnList>\s*<\/NumberPortabilityRequest>\s*$/.exec(
      text,
    );
  return match ? [...(match[1] ?? "").matchAll(/<Tn>([^<]*)<\/Tn>/g)].map((m) => (m[1] ?? "").trim()) : null;
}

function tnListOf(parsed: { root: string; node: XmlNode }): XmlValue[] {
  const { root, node } = parsed;
  const tnList = node.TnList;
  if (
    root !== "NumberPortabilityRequest" ||
    tnList === undefined ||
    typeof tnList !== "object" ||
    Array.isArray(tnList) ||
    Object.keys(node).some((k) => k !== "TnList") ||
    Object.keys(tnList).some((k) => k !== "Tn")
  ) {
    throw new BandwidthError(400, "7201", "NumberPortabilityRequest holds one TnList of Tn elements.");
  }
  return listOf(tnList.Tn);
}

/** The body as XML; a body that is not XML at all is a 400 in the endpoint's shape. */
async function bodyOf(c: Context<ApiEnv>, expectedRoot: readonly string[]) {
  const { root, node } = parseXml(await c.req.text());
  if (!expectedRoot.includes(root)) {
    throw new BandwidthError(400, "12001", `The root element must be ${expectedRoot.join(" or ")}, not ${root}.`);
  }
  return { root, node };
}

const pathOf = (c: Context<ApiEnv>) => c.req.path.replace(/\/+$/, "");

/** File extensions of the media types a raw LOA upload may declare. */
const extensionOfMediaType: Record<string, string> = {
  "application/pdf": "pdf",
  "image/tiff": "tiff",
  "image/png": "png",
  "image/jpeg": "jpg",
  "text/plain": "txt",
};

/**
 * The file of an LOA upload or replacement: a multipart form's loaFile (or file) part with its name, or the raw body
 * with the extension of its declared media type (null for application/octet-stream and other undeclared types).
 */
async function fileOfRequest(
  c: Context<ApiEnv>,
): Promise<{ bytes: Buffer; fileName: string | null; extension: string | null }> {
  const contentType = c.req.header("content-type") ?? "application/octet-stream";
  if (contentType.startsWith("multipart/form-data")) {
    const form = await c.req.parseBody();
    const file = form.loaFile ?? form.file;
    if (!(file instanceof File)) {
      throw new BandwidthError(400, "7351", "Send the file as the form's loaFile part.");
    }
    return { bytes: Buffer.from(await file.arrayBuffer()), fileName: file.name || null, extension: null };
  }
  const extension = extensionOfMediaType[contentType.split(";")[0]?.trim() ?? ""] ?? null;
  return { bytes: Buffer.from(await c.req.arrayBuffer()), fileName: null, extension };
}

/** The Bandwidth-compatible port-in API, mounted at /v1.0 and Bandwidth's other prefixes. */
export function bandwidthRoutes() {
  const app = new Hono<ApiEnv>();

  // HTTP Basic (the key is the password, any user name) or Bearer; {accountId} must be the key's account.
  app.use("/accounts/:accountId/*", async (c, next) => {
    const runtime = c.get("runtime");
    await runtime.refreshClock?.();
    const user = await resolveApiKeyOnce(runtime.db, bearerOf(c.req.header("authorization")), runtime.clock.now());
    if (!user) {
      const body = errorBody("portins", 401, "401", "Send the API key as the Basic password (or a Bearer token).", []);
      return xml(c, 401, body.root, body.content, { "www-authenticate": 'Basic realm="portway"' });
    }
    const accountId = c.req.param("accountId");
    if (accountId !== user.accountId) {
      const account = await findCustomerAccount(runtime.db, user.accountId);
      if (account?.slug !== accountId) {
        const body = errorBody("portins", 403, "403", "This key belongs to another account.", []);
        return xml(c, 403, body.root, body.content);
      }
    }
    const throttled = await spendCall(c, user.userId, user.apiKey?.id ?? null);
    if (throttled) {
      const wait = throttled.headers.get("retry-after") ?? "60";
      const body = errorBody("portins", 429, "429", `Too many calls with this key: retry in ${wait} s.`, []);
      return xml(c, 429, body.root, body.content, {
        "retry-after": wait,
        ratelimit: throttled.headers.get("ratelimit") ?? "",
        "ratelimit-policy": throttled.headers.get("ratelimit-policy") ?? "",
      });
    }
    c.set("caller", callerFor(user));
    await next();
  });

  app.post(
    "/accounts/:accountId/lnpchecker",
    guarded("lnpchecker", async (c) => {
      const fullCheck = (c.req.query("fullCheck") ?? "false").toLowerCase();
      if (!["true", "false", "onnetportability", "offnetportability"].includes(fullCheck)) {
        throw new BandwidthError(400, "7201", "fullCheck must be true, false, onnetportability or offnetportability.");
      }
      const text = await c.req.text();
      const tns = plainTnList(text) ?? tnListOf(parseXml(text));
      if (tns.length === 0 || tns.length > 10_000 || tns.some((tn) => typeof tn !== "string" || /[\s,;]/.test(tn))) {
        throw new BandwidthError(400, "7201", "Check between 1 and 10,000 numbers, one number in each Tn.");
      }
      const { db, clock } = c.get("runtime");
      // The check parses 10-digit, 1 + 10 digit and E.164 numbers itself (SPEC 3), once for the whole list.
      const check = await checkNumbers(db, {
        input: tns.join("\n"),
        accountId: c.get("caller").accountId,
        now: clock.now(),
        limits: { maxTns: 10_000, maxRangeSize: 1 },
      });
      const invalid = check.numbers.filter((n) => !n.valid);
      if (invalid.length > 0) {
        throw new BandwidthError(
          400,
          "7202",
          `${invalid.length} of the numbers are not valid US numbers: ${invalid[0]?.invalidReason?.message ?? ""}`,
          invalid.map((n) => n.input),
        );
      }
      return xml(c, 200, "NumberPortabilityResponse", portabilityResponse(check, fullCheck));
    }),
  );

  app.post(
    "/accounts/:accountId/portins",
    guarded("portins", async (c) => {
      const { db, clock } = c.get("runtime");
      const caller = c.get("caller");
      const { node } = await bodyOf(c, ["LnpOrder"]);
      const parsed = parseLnpOrder(node, "LnpOrder");
      if (parsed.processingStatus && parsed.processingStatus !== "DRAFT") {
        throw new BandwidthError(400, "7311", "LnpOrder/ProcessingStatus may only be DRAFT on create.");
      }
      const location = (id: string) => `${pathOf(c)}/${id}`;
      if (parsed.processingStatus === "DRAFT") {
        const draft = await saveDraft(db, clock, caller.owner, { data: parsed.draft });
        // The answer is the draft as written (new: created when last modified), not read back.
        const view = { id: draft.id, data: parsed.draft, createdAt: draft.updatedAt, updatedAt: draft.updatedAt };
        return xml(
          c,
          201,
          "LnpOrderResponse",
          lnpDraftResponse(view, false, caller.accountId, { code: 201, text: "Order request received." }),
          {
            location: location(draft.id),
          },
        );
      }
      const result = await submitOrAwaitDocuments(db, clock, caller.owner, parsed.draft);
      if (result.kind === "pending-documents") {
        // The draft as written, with the wizard's rejection-risk warnings of the orders it will become.
        const view = { id: result.draftId, data: parsed.draft, createdAt: result.savedAt, updatedAt: result.savedAt };
        return xml(
          c,
          201,
          "LnpOrderResponse",
          lnpDraftResponse(
            view,
            true,
            caller.accountId,
            { code: 201, text: "Order request received. Upload the LOA to submit it." },
            result.warnings,
          ),
          { location: location(result.draftId) },
        );
      }
      const orderId = result.orderIds[0] ?? "";
      // Two independent reads: the order as shown and the warnings of the orders created.
      const [view, risk] = await Promise.all([
        getOrderDetail(db, { orderId, accountId: caller.accountId }, { staff: false, now: clock.now() }),
        createdOrdersRiskWarnings(db, {
          accountId: caller.accountId,
          now: clock.now(),
          orderIds: result.orderIds,
          accountNumber: parsed.draft.accountNumber ?? null,
          pin: parsed.draft.pin ?? null,
        }),
      ]);
      return xml(
        c,
        result.created ? 201 : 200,
        "LnpOrderResponse",
        lnpOrderResponse(view, orderId, { code: 201, text: "Order request received." }, risk.warnings),
        {
          location: location(orderId),
        },
      );
    }),
  );

  app.get(
    "/accounts/:accountId/portins",
    guarded("portins", async (c) => {
      const { db } = c.get("runtime");
      const page = Number(c.req.query("page"));
      const size = Number(c.req.query("size"));
      if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1 || size > 1000) {
        throw new BandwidthError(400, "7330", "Send page (from 1) and size (1 to 1,000), e.g. ?page=1&size=300.");
      }
      const status = c.req.query("status")?.toLowerCase();
      const statuses = status ? statusesOfFilter[status] : undefined;
      if (status && !statuses) {
        return xml(c, 200, "LNPResponseWrapper", { TotalCount: "0" });
      }
      const date = (name: string) => {
        const value = c.req.query(name);
        if (value && !/^\d{4}-\d{2}-\d{2}$/.test(value)) {
          throw new BandwidthError(400, "7331", `${name} must be YYYY-MM-DD.`);
        }
        return value;
      };
      const startdate = date("startdate");
      const enddate = date("enddate");
      const tn = c.req.query("tn") ?? c.req.query("orderTn");
      const result = await listOrders(
        db,
        { accountId: c.get("caller").accountId },
        {
          ...(statuses ? { statuses: [...statuses] as never } : {}),
          ...(tn ? { tn } : {}),
          ...(c.req.query("pon") ? { pon: c.req.query("pon") } : {}),
          ...(c.req.query("customerOrderId") ? { customerReference: c.req.query("customerOrderId") } : {}),
          ...(startdate ? { createdFrom: `${startdate}T00:00:00Z` } : {}),
          ...(enddate ? { createdTo: `${enddate}T23:59:59Z` } : {}),
          page: page - 1,
          pageSize: size,
          sort: "createdAt",
          direction: "desc",
        },
      );
      const base = `${new URL(c.req.url).origin}${pathOf(c)}`;
      const link = (p: number, rel: string) => `Link=<${base}?page=${p}&size=${size}>;rel="${rel}";`;
      const last = Math.max(1, Math.ceil(result.total / size));
      return xml(c, 200, "LNPResponseWrapper", {
        TotalCount: String(result.total),
        Links: {
          first: link(1, "first"),
          ...(page > 1 ? { previous: link(page - 1, "previous") } : {}),
          ...(page < last ? { next: link(page + 1, "next") } : {}),
          last: link(last, "last"),
        },
        lnpPortInfoForGivenStatus: result.rows.map((row) => ({
          accountId: row.accountId,
          CountOfTNs: String(row.tnCount),
          CustomerOrderId: row.customerReference ?? "",
          lastModifiedDate: row.updatedAt.toISOString(),
          OrderDate: row.createdAt.toISOString(),
          OrderId: row.id,
          OrderType: "port_in",
          ...(row.focAt ? { ActualFOCDate: row.focAt.toISOString() } : {}),
          ...(row.requestedFocAt ? { RequestedFOCDate: row.requestedFocAt.toISOString() } : {}),
          ...(row.btn ? { BillingTelephoneNumber: tenDigits(row.btn) } : {}),
          ProcessingStatus: processingStatusOfStatus(row.status),
          ...(row.pon ? { PON: row.pon } : {}),
        })),
      });
    }),
  );

  app.get(
    "/accounts/:accountId/portins/totals",
    guarded("portins", async (c) => {
      const { db } = c.get("runtime");
      const status = c.req.query("status")?.toLowerCase();
      const statuses = status ? statusesOfFilter[status] : undefined;
      const result = await listOrders(
        db,
        { accountId: c.get("caller").accountId },
        {
          ...(statuses ? { statuses: [...statuses] as never } : {}),
          page: 0,
          pageSize: 1,
          sort: "createdAt",
          direction: "desc",
        },
      );
      return xml(c, 200, "Quantity", { Count: String(status && !statuses ? 0 : result.total) });
    }),
  );

  const orderOf = async (c: Context<ApiEnv>) => {
    const { db } = c.get("runtime");
    return resolvePortIn(db, c.get("caller").accountId, c.req.param("id") ?? "");
  };
  const detailOf = async (c: Context<ApiEnv>, orderId: string, staff = false) => {
    const { db, clock } = c.get("runtime");
    return getOrderDetail(db, { orderId, accountId: c.get("caller").accountId }, { staff, now: clock.now() });
  };

  app.get(
    "/accounts/:accountId/portins/:id",
    guarded("portins", async (c) => {
      const caller = c.get("caller");
      const { db } = c.get("runtime");
      // An order's ID is answered from one statement; a draft's as before.
      const resolved = await getBandwidthPortIn(db, caller.accountId, c.req.param("id") ?? "");
      if (resolved.kind === "draft") {
        const view = await getDraft(db, caller.owner, resolved.draftId);
        return xml(c, 200, "LnpOrderResponse", lnpDraftResponse(view, resolved.pendingDocuments, caller.accountId));
      }
      // OrderId is the order's own ID (the one the REST API knows), even when it was asked for by its draft's ID.
      return xml(c, 200, "LnpOrderResponse", lnpOrderResponse(resolved.view, resolved.orderId));
    }),
  );

  app.put(
    "/accounts/:accountId/portins/:id",
    guarded("portins", async (c) => {
      const { db, clock } = c.get("runtime");
      const caller = c.get("caller");
      const resolved = await orderOf(c);
      const { root, node } = await bodyOf(c, ["LnpOrderSupp", "LnpOrder"]);
      const parsed = parseLnpOrder(node, root);
      if (resolved.kind === "draft") {
        const current = await getDraft(db, caller.owner, resolved.draftId);
        const merged = {
          ...current.data,
          ...Object.fromEntries([...parsed.present].map((k) => [k, parsed.draft[k as keyof typeof parsed.draft]])),
        };
        if (parsed.processingStatus === "SUBMITTED") {
          await saveDraft(db, clock, caller.owner, { draftId: current.id, baseVersion: current.version, data: merged });
          const result = await submitPortRequest(db, clock, caller.owner, { draftId: current.id, submission: merged });
          const orderId = result.orders[0]?.id ?? "";
          return xml(
            c,
            200,
            "LnpOrderResponse",
            lnpOrderResponse(await detailOf(c, orderId), orderId, { code: 200, text: "Submitted." }),
          );
        }
        const saved = await saveDraft(db, clock, caller.owner, {
          draftId: current.id,
          baseVersion: current.version,
          data: merged,
        });
        const view = await getDraft(db, caller.owner, saved.id);
        return xml(
          c,
          200,
          "LnpOrderResponse",
          lnpDraftResponse(view, resolved.pendingDocuments, caller.accountId, { code: 200, text: "Saved." }),
        );
      }
      const current = await detailOf(c, resolved.orderId, true);
      const details = current.order.details as Parameters<typeof suppChanges>[1]["details"];
      const changes = suppChanges(parsed, { details, pinPlain: (current.order.details.pin as string | null) ?? null });
      if (Object.keys(changes).length === 0) {
        return xml(
          c,
          200,
          "LnpOrderResponse",
          lnpOrderResponse(await detailOf(c, resolved.orderId), resolved.orderId, {
            code: 200,
            text: "Nothing changed.",
          }),
        );
      }
      // The same validation as the REST API's PATCH: one schema of the domain.
      const checked = orderChangesSchema.parse(changes);
      await editOrder(db, clock, caller.acting, {
        orderId: resolved.orderId,
        baseVersion: current.order.version,
        changes: checked,
      });
      const after = await detailOf(c, resolved.orderId);
      return xml(c, 200, "LnpOrderResponse", {
        ...lnpOrderResponse(after, resolved.orderId, { code: 200, text: "Supplement received." }),
        ProcessingStatus:
          processingStatus(after) === "FOC" || processingStatus(after) === "SUBMITTED"
            ? "REQUESTED_SUPP"
            : processingStatus(after),
      });
    }),
  );

  app.delete(
    "/accounts/:accountId/portins/:id",
    guarded("portins", async (c) => {
      const { db, clock } = c.get("runtime");
      const caller = c.get("caller");
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        await removeDraft(db, caller.owner, resolved.draftId);
        return c.body(null, 200);
      }
      for (const orderId of resolved.orderIds) {
        const detail = await detailOf(c, orderId);
        await cancelOrder(db, clock, caller.acting, {
          orderId,
          baseVersion: detail.order.version,
          reason: "Cancelled through the Bandwidth-compatible API",
        });
      }
      return c.body(null, 200);
    }),
  );

  app.get(
    "/accounts/:accountId/portins/:id/notes",
    guarded("notes", async (c) => {
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        return c.body(null, 204);
      }
      const notes = (await detailOf(c, resolved.orderId)).notes;
      if (notes.length === 0) {
        return c.body(null, 204);
      }
      return xml(c, 200, "Notes", {
        Note: notes.map((n) => ({
          Id: n.id,
          UserId: n.authorName ?? n.source,
          Description: n.body,
          LastDateModifier: n.createdAt.toISOString(),
        })),
      });
    }),
  );

  app.post(
    "/accounts/:accountId/portins/:id/notes",
    guarded("notes", async (c) => {
      const { db, clock } = c.get("runtime");
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        throw new BandwidthError(400, "5218", "Notes can be added once the order is submitted.");
      }
      const { node } = await bodyOf(c, ["Note"]);
      const unknown = Object.keys(node).find((k) => k !== "UserId" && k !== "Description");
      if (unknown) {
        throw new BandwidthError(400, "12502", `Note/${unknown} is not an element this API accepts.`);
      }
      const userId = textOf(node.UserId, "Note/UserId");
      if (!userId) {
        throw new BandwidthError(400, "5217", "Note/UserId is required.");
      }
      const description = textOf(node.Description, "Note/Description") ?? "";
      if (!description || description.length > 500) {
        throw new BandwidthError(400, "5219", "Note/Description is 1 to 500 characters.");
      }
      const user = c.get("caller").user;
      const note = await addCustomerNote(
        db,
        clock,
        { accountId: user.accountId, userId: user.userId, name: userId },
        {
          orderId: resolved.orderId,
          body: description,
        },
      );
      return c.body(null, 201, { location: `${pathOf(c)}/${note.id}` });
    }),
  );

  // Notes may be updated, never deleted (Bandwidth's rule); only notes the customer's account wrote.
  app.put(
    "/accounts/:accountId/portins/:id/notes/:noteId",
    guarded("notes", async (c) => {
      const { db } = c.get("runtime");
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        throw new BandwidthError(404, "5220", "A draft has no notes.");
      }
      const { node } = await bodyOf(c, ["Note"]);
      checkElements(node, { UserId: true, Description: true }, "Note");
      const description = textOf(node.Description, "Note/Description") ?? "";
      if (!description || description.length > 500) {
        throw new BandwidthError(400, "5219", "Note/Description is 1 to 500 characters.");
      }
      const noteId = c.req.param("noteId") ?? "";
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(noteId)) {
        throw new BandwidthError(404, "5220", "The note was not found.");
      }
      await editCustomerNote(db, c.get("caller"), { orderId: resolved.orderId, noteId, body: description });
      return c.body(null, 200);
    }),
  );

  app.get(
    "/accounts/:accountId/portins/:id/history",
    guarded("portins", async (c) => {
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        return xml(c, 200, "OrderHistoryWrapper", {
          IrisStatus: { Code: "7710", Description: "A draft has no history yet." },
        });
      }
      const history = (await detailOf(c, resolved.orderId)).history;
      return xml(c, 200, "OrderHistoryWrapper", {
        OrderHistory: history.map((h) => ({
          OrderDate: h.at.toISOString(),
          Note: `${h.event}${h.reason ? `: ${h.reason}` : ""}`,
          Author: h.actorKind,
          Status: processingStatusOfStatus(h.to),
          ...(h.changes.length > 0
            ? { Difference: h.changes.map((d) => `${d.field} : "${d.from ?? ""}" --> "${d.to ?? ""}"`).join("; ") }
            : {}),
        })),
      });
    }),
  );

  app.post(
    "/accounts/:accountId/portins/:id/loas",
    guarded("portins", async (c) => {
      const { db, clock } = c.get("runtime");
      const caller = c.get("caller");
      const resolved = await orderOf(c);
      const type = (c.req.query("documentType") ?? c.req.header("documenttype") ?? "LOA").toUpperCase();
      const kinds: Record<string, "LOA" | "BILL_COPY" | "CSR" | "OTHER"> = {
        LOA: "LOA",
        INVOICE: "BILL_COPY",
        CSR: "CSR",
        OTHER: "OTHER",
      };
      const kind = kinds[type];
      if (!kind) {
        throw new BandwidthError(400, "7350", "documentType must be LOA, INVOICE, CSR or OTHER.");
      }
      const sent = await fileOfRequest(c);
      const bytes = sent.bytes;
      const fileName = sent.fileName ?? `${kind.toLowerCase()}.${sent.extension ?? "pdf"}`;
      const contentBase64 = bytes.toString("base64");
      const stored =
        resolved.kind === "draft"
          ? (
              await attachDraftDocument(db, clock, caller.owner, {
                draftId: resolved.draftId,
                kind,
                fileName,
                contentBase64,
              })
            ).documentId
          : (
              await uploadOrderDocument(db, clock, caller.owner, {
                orderId: resolved.orderId,
                kind,
                fileName,
                contentBase64,
                ...(kind === "LOA" ? { signedAt: clock.now().toISOString() } : {}),
              })
            ).id;
      return xml(c, 201, "fileUploadResponse", {
        filename: `${stored}.${fileName.split(".").pop() ?? "pdf"}`,
        resultCode: "0",
        resultMessage: "LOA file uploaded successfully",
      });
    }),
  );

  const documentsOf = async (c: Context<ApiEnv>) => {
    const resolved = await orderOf(c);
    if (resolved.kind === "draft") {
      return listDraftDocuments(c.get("runtime").db, {
        accountId: c.get("caller").accountId,
        draftId: resolved.draftId,
      });
    }
    return (await detailOf(c, resolved.orderId)).documents;
  };
  const documentTypeOf: Record<string, string> = { LOA: "LOA", BILL_COPY: "INVOICE", CSR: "CSR", OTHER: "OTHER" };

  app.get(
    "/accounts/:accountId/portins/:id/loas",
    guarded("portins", async (c) => {
      const documents = await documentsOf(c);
      const metadata = c.req.query("metadata") === "true";
      return xml(c, 200, "fileListResponse", {
        fileCount: String(documents.length),
        fileData: documents.map((d) => ({
          FileName: `${d.id}.${d.fileName.split(".").pop() ?? "pdf"}`,
          ...(metadata
            ? { FileMetaData: { DocumentName: d.fileName, DocumentType: documentTypeOf[d.kind] ?? "OTHER" } }
            : {}),
        })),
        resultCode: "0",
        resultMessage: "LOA file list successfully returned",
      });
    }),
  );

  const documentOfFile = async (c: Context<ApiEnv>) => {
    const fileId = (c.req.param("fileId") ?? "").replace(/\.[A-Za-z0-9]+$/, "");
    const documents = await documentsOf(c);
    const document = documents.find((d) => d.id === fileId);
    if (!document) {
      throw new BandwidthError(404, "7352", "This file is not attached to the order.");
    }
    return document;
  };

  app.get(
    "/accounts/:accountId/portins/:id/loas/:fileId/metadata",
    guarded("portins", async (c) => {
      const document = await documentOfFile(c);
      return xml(c, 200, "FileMetaData", {
        DocumentName: document.fileName,
        DocumentType: documentTypeOf[document.kind] ?? "OTHER",
      });
    }),
  );

  /** FileMetaData as a PUT sends it: DocumentName and DocumentType, nothing else. */
  const kindOfDocumentType: Record<string, "LOA" | "BILL_COPY" | "CSR" | "OTHER"> = {
    LOA: "LOA",
    INVOICE: "BILL_COPY",
    CSR: "CSR",
    OTHER: "OTHER",
  };
  const metadataAnswer = (document: { fileName: string; kind: string }) => ({
    DocumentName: document.fileName,
    DocumentType: documentTypeOf[document.kind] ?? "OTHER",
  });

  app.put(
    "/accounts/:accountId/portins/:id/loas/:fileId/metadata",
    guarded("portins", async (c) => {
      const { db, clock } = c.get("runtime");
      const caller = c.get("caller");
      const resolved = await orderOf(c);
      const listed = await documentOfFile(c);
      const { node } = await bodyOf(c, ["FileMetaData"]);
      checkElements(node, { DocumentName: true, DocumentType: true }, "FileMetaData");
      const name = textOf(node.DocumentName, "FileMetaData/DocumentName");
      const type = textOf(node.DocumentType, "FileMetaData/DocumentType")?.toUpperCase();
      const kind = type === undefined ? undefined : kindOfDocumentType[type];
      if (type !== undefined && !kind) {
        throw new BandwidthError(400, "7350", "DocumentType must be LOA, INVOICE, CSR or OTHER.");
      }
      if (name !== undefined && !name.trim()) {
        throw new BandwidthError(400, "7353", "DocumentName may not be empty (DELETE the metadata to reset it).");
      }
      const changed = await changeDocumentMetadata(db, clock, caller.owner, {
        documentId: listed.id,
        ...(name !== undefined ? { name } : {}),
        ...(kind ? { kind } : {}),
      });
      // A draft waiting for its LOA is submitted by a document declared to be the LOA, as by an LOA upload.
      if (changed.becameLoa && resolved.kind === "draft" && resolved.pendingDocuments) {
        const draft = await getDraft(db, caller.owner, resolved.draftId);
        await submitPortRequest(db, clock, caller.owner, { draftId: resolved.draftId, submission: draft.data });
      }
      return xml(c, 200, "FileMetaData", metadataAnswer(changed));
    }),
  );

  // Deleting the metadata resets the name to the default of its type ("loa.pdf"); a document always keeps a type.
  app.delete(
    "/accounts/:accountId/portins/:id/loas/:fileId/metadata",
    guarded("portins", async (c) => {
      const { db, clock } = c.get("runtime");
      const listed = await documentOfFile(c);
      await changeDocumentMetadata(db, clock, c.get("caller").owner, { documentId: listed.id, name: null });
      return c.body(null, 200);
    }),
  );

  // The file replaced in place (its ID, type and metadata stay); the name keeps the document's, with the new type.
  app.put(
    "/accounts/:accountId/portins/:id/loas/:fileId",
    guarded("portins", async (c) => {
      const { db } = c.get("runtime");
      const listed = await documentOfFile(c);
      const sent = await fileOfRequest(c);
      const replaced = await replaceDocument(db, c.get("caller").owner, {
        documentId: listed.id,
        contentBase64: sent.bytes.toString("base64"),
        ...(sent.fileName ? { fileName: sent.fileName } : {}),
        ...(sent.extension ? { extension: sent.extension } : {}),
      });
      return xml(c, 200, "fileUploadResponse", {
        filename: `${replaced.id}.${replaced.fileName.split(".").pop() ?? "pdf"}`,
        resultCode: "0",
        resultMessage: "LOA file updated successfully",
      });
    }),
  );

  app.delete(
    "/accounts/:accountId/portins/:id/loas/:fileId",
    guarded("portins", async (c) => {
      const listed = await documentOfFile(c);
      await removeDocument(c.get("runtime").db, c.get("caller"), { documentId: listed.id });
      return c.body(null, 200);
    }),
  );

  app.get(
    "/accounts/:accountId/portins/:id/loas/:fileId",
    guarded("portins", async (c) => {
      const listed = await documentOfFile(c);
      const document = await readDocument(c.get("runtime").db, { accountId: c.get("caller").accountId }, listed.id);
      return c.body(new Uint8Array(document.content), 200, {
        "content-type": document.mediaType,
        "content-disposition": `attachment; filename="${document.fileName.replace(/[^\w.\- ]/g, "_")}"`,
      });
    }),
  );

  app.get(
    "/accounts/:accountId/portins/:id/tns",
    guarded("portins", async (c) => {
      const resolved = await orderOf(c);
      const tns =
        resolved.kind === "draft"
          ? ((await getDraft(c.get("runtime").db, c.get("caller").owner, resolved.draftId)).data.tns ?? [])
          : (await detailOf(c, resolved.orderId)).tns.map((t) => t.tn);
      return xml(c, 200, "TelephoneNumbers", {
        Count: String(tns.length),
        TelephoneNumber: tns.map((t) => tenDigits(t)),
      });
    }),
  );

  app.get(
    "/accounts/:accountId/portins/:id/totals",
    guarded("portins", async (c) => {
      const resolved = await orderOf(c);
      const count =
        resolved.kind === "draft"
          ? ((await getDraft(c.get("runtime").db, c.get("caller").owner, resolved.draftId)).data.tns ?? []).length
          : (await detailOf(c, resolved.orderId)).tns.length;
      return xml(c, 200, "Quantity", { Count: String(count) });
    }),
  );

  /** TNs counted by area code or by NPA-NXX, as TelephoneDetailsReports. */
  const reportBy = (element: "AreaCode" | "NPA-NXX", digits: number) =>
    guarded("portins", async (c) => {
      const resolved = await orderOf(c);
      const tns =
        resolved.kind === "draft"
          ? ((await getDraft(c.get("runtime").db, c.get("caller").owner, resolved.draftId)).data.tns ?? [])
          : (await detailOf(c, resolved.orderId)).tns.map((t) => t.tn);
      const counts = new Map<string, number>();
      for (const tn of tns) {
        const key = (tenDigits(tn) ?? tn).slice(0, digits);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      return xml(c, 200, "TelephoneDetailsReports", {
        TelephoneDetailsReport: [...counts].map(([key, count]) => ({ [element]: key, Count: String(count) })),
      });
    });
  app.get("/accounts/:accountId/portins/:id/areaCodes", reportBy("AreaCode", 3));
  app.get("/accounts/:accountId/portins/:id/npaNxx", reportBy("NPA-NXX", 6));

  const activationBody = (detail: Awaited<ReturnType<typeof detailOf>>) => ({
    ActivationStatus: {
      ...(detail.order.activationDueAt ? { AutoActivationDate: detail.order.activationDueAt.toISOString() } : {}),
      ActivatedTelephoneNumbersList: {
        TelephoneNumber: detail.tns.filter((t) => t.status === "ACTIVATED").map((t) => tenDigits(t.tn)),
      },
      NotYetActivatedTelephoneNumbersList: {
        TelephoneNumber: detail.tns.filter((t) => t.status === "PENDING").map((t) => tenDigits(t.tn)),
      },
    },
  });

  app.get(
    "/accounts/:accountId/portins/:id/activationStatus",
    guarded("activation", async (c) => {
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        throw new BandwidthError(400, "7342", "A draft has no activation status yet.");
      }
      return xml(c, 200, "ActivationStatusResponse", activationBody(await detailOf(c, resolved.orderId)));
    }),
  );

  app.put(
    "/accounts/:accountId/portins/:id/activationStatus",
    guarded("activation", async (c) => {
      const { db, clock } = c.get("runtime");
      const resolved = await orderOf(c);
      if (resolved.kind === "draft") {
        throw new BandwidthError(400, "7342", "A draft cannot be activated.");
      }
      const { node } = await bodyOf(c, ["ActivationStatus"]);
      const unknown = Object.keys(node).find((k) => k !== "AutoActivationDate");
      if (unknown) {
        throw new BandwidthError(400, "7343", `ActivationStatus/${unknown} is not an element this API accepts.`);
      }
      const detail = await detailOf(c, resolved.orderId);
      if (detail.order.status === "COMPLETE") {
        throw new BandwidthError(404, "7348", "The order is complete.");
      }
      await requestActivation(db, clock, c.get("caller").acting, {
        orderId: resolved.orderId,
        baseVersion: detail.order.version,
      });
      return xml(c, 200, "ActivationStatusResponse", activationBody(await detailOf(c, resolved.orderId)));
    }),
  );

  return app;
}

/** A Portway status as Bandwidth's ProcessingStatus (the history and list carry only the status). */
function processingStatusOfStatus(status: string | null): string {
  return status ? (processingStatusOf[status] ?? status) : "";
}
