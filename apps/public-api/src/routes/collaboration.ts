import { createRoute, z } from "@hono/zod-openapi";
import { DOCUMENT_KINDS } from "@portway/domain";
import {
  addCustomerNote,
  noteInput,
  openTicket,
  openTicketInput,
  readDocument,
  replyToTicket,
  ServiceError,
  ticketReplyInput,
  uploadDraftDocument,
  uploadOrderDocument,
} from "@portway/services";
import type { Context } from "hono";
import type { ApiEnv, ApiRouter } from "../context";
import { problemResponses } from "../problem";
import { documentsSchema, historySchema, notesSchema, noteViewSchema, ticketsSchema, wire } from "../schemas";
import { loadDetail } from "./port-ins";

const json = <T extends z.ZodType>(schema: T) => ({ content: { "application/json": { schema } } });
const uuidParam = (name: string, description: string) => z.uuid().openapi({ param: { name, in: "path" }, description });
const orderParams = z.object({ id: uuidParam("id", "Order ID") });

const uploadForm = z
  .object({
    file: z
      .any()
      .openapi({ type: "string", format: "binary", description: "The file (PDF, PNG, JPG, TIFF, …; 3 MB at most)" }),
    kind: z.enum(DOCUMENT_KINDS).default("LOA"),
    signedAt: z.iso.datetime({ offset: true }).optional().openapi({ description: "For an LOA: when it was signed" }),
  })
  .openapi("DocumentUpload");
const multipart = { content: { "multipart/form-data": { schema: uploadForm } } };

/** The uploaded file of a multipart form, as the document service takes it (checked there by its content). */
async function fileOf(form: { file?: unknown }) {
  const file = form.file;
  if (!(file instanceof File)) {
    throw new ServiceError("INVALID", "FILE_REQUIRED", "Send the document as the form's `file` part.", "file");
  }
  return { fileName: file.name || "document", contentBase64: Buffer.from(await file.arrayBuffer()).toString("base64") };
}

function author(c: Context<ApiEnv>) {
  const { user } = c.get("caller");
  return { accountId: user.accountId, userId: user.userId, name: user.name };
}

export function registerCollaborationRoutes(app: ApiRouter) {
  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins/{id}/history",
      tags: ["Port-ins"],
      summary: "The order's history (every transition, oldest first)",
      request: { params: orderParams },
      responses: { 200: { description: "History", ...json(historySchema) }, ...problemResponses(404) },
    }),
    async (c) => c.json(wire(historySchema, { data: (await loadDetail(c, c.req.valid("param").id)).history }), 200),
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins/{id}/notes",
      tags: ["Notes"],
      summary: "Customer-visible notes",
      request: { params: orderParams },
      responses: { 200: { description: "Notes", ...json(notesSchema) }, ...problemResponses(404) },
    }),
    async (c) => c.json(wire(notesSchema, { data: (await loadDetail(c, c.req.valid("param").id)).notes }), 200),
  );

  const noteBody = noteInput.omit({ orderId: true }).openapi("NoteInput");
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/port-ins/{id}/notes",
      tags: ["Notes"],
      summary: "Add a note for the porting team",
      request: { params: orderParams, body: { required: true, ...json(noteBody) } },
      responses: { 201: { description: "Added", ...json(noteViewSchema) }, ...problemResponses(404) },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const note = await addCustomerNote(db, clock, author(c), {
        orderId: c.req.valid("param").id,
        ...c.req.valid("json"),
      });
      return c.json(
        {
          id: note.id,
          visibility: note.visibility,
          source: note.source,
          authorName: note.authorName,
          body: note.body,
          createdAt: note.createdAt,
        },
        201,
      );
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins/{id}/documents",
      tags: ["Documents"],
      summary: "The order's documents",
      request: { params: orderParams },
      responses: { 200: { description: "Documents", ...json(documentsSchema) }, ...problemResponses(404) },
    }),
    async (c) => {
      const documents = (await loadDetail(c, c.req.valid("param").id)).documents;
      return c.json(wire(documentsSchema, { data: documents.map(({ orderId: _o, draftId: _d, ...d }) => d) }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/port-ins/{id}/documents",
      tags: ["Documents"],
      summary: "Upload a document (multipart)",
      request: { params: orderParams, body: { required: true, ...multipart } },
      responses: {
        201: { description: "Uploaded", ...json(z.object({ id: z.string() })) },
        ...problemResponses(404, 409, 413),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const form = c.req.valid("form");
      const created = await uploadOrderDocument(db, clock, author(c), {
        orderId: c.req.valid("param").id,
        kind: form.kind,
        ...(await fileOf(form)),
        ...(form.signedAt ? { signedAt: form.signedAt } : {}),
      });
      return c.json({ id: created.id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/drafts/{draftId}/documents",
      tags: ["Documents"],
      summary: "Upload a document to a draft (the signed LOA before submitting)",
      request: {
        params: z.object({ draftId: uuidParam("draftId", "Draft ID") }),
        body: { required: true, ...multipart },
      },
      responses: {
        201: { description: "Uploaded", ...json(z.object({ id: z.string() })) },
        ...problemResponses(404, 413),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const form = c.req.valid("form");
      const created = await uploadDraftDocument(db, clock, author(c), {
        draftId: c.req.valid("param").draftId,
        kind: form.kind,
        ...(await fileOf(form)),
        ...(form.signedAt ? { signedAt: form.signedAt } : {}),
      });
      return c.json({ id: created.id }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/documents/{documentId}",
      tags: ["Documents"],
      summary: "Download a document",
      request: { params: z.object({ documentId: uuidParam("documentId", "Document ID") }) },
      responses: {
        200: {
          description: "The file, with its media type",
          content: { "application/octet-stream": { schema: z.any().openapi({ type: "string", format: "binary" }) } },
        },
        ...problemResponses(404),
      },
    }),
    async (c) => {
      const { db } = c.get("runtime");
      const document = await readDocument(
        db,
        { accountId: c.get("caller").accountId },
        c.req.valid("param").documentId,
      );
      return c.body(new Uint8Array(document.content), 200, {
        "content-type": document.mediaType,
        "content-disposition": `attachment; filename="${document.fileName.replace(/[^\w.\- ]/g, "_")}"`,
        "x-content-type-options": "nosniff",
      });
    },
  );

  app.openapi(
    createRoute({
      method: "get",
      path: "/v1/port-ins/{id}/tickets",
      tags: ["Tickets"],
      summary: "Tickets with the porting team about this order",
      request: { params: orderParams },
      responses: { 200: { description: "Tickets", ...json(ticketsSchema) }, ...problemResponses(404) },
    }),
    async (c) => c.json(wire(ticketsSchema, { data: (await loadDetail(c, c.req.valid("param").id)).tickets }), 200),
  );

  const ticketBody = openTicketInput.omit({ orderId: true }).openapi("TicketInput");
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/port-ins/{id}/tickets",
      tags: ["Tickets"],
      summary: "Open a ticket with the porting team",
      request: { params: orderParams, body: { required: true, ...json(ticketBody) } },
      responses: { 201: { description: "Opened", ...json(z.object({ id: z.string() })) }, ...problemResponses(404) },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const ticket = await openTicket(db, clock, author(c), {
        orderId: c.req.valid("param").id,
        ...c.req.valid("json"),
      });
      return c.json({ id: ticket.id }, 201);
    },
  );

  const replyBody = ticketReplyInput.omit({ ticketId: true }).openapi("TicketReply");
  app.openapi(
    createRoute({
      method: "post",
      path: "/v1/tickets/{ticketId}/replies",
      tags: ["Tickets"],
      summary: "Reply to a ticket (and close it)",
      request: {
        params: z.object({ ticketId: uuidParam("ticketId", "Ticket ID") }),
        body: { required: true, ...json(replyBody) },
      },
      responses: {
        201: { description: "Replied", ...json(z.object({ id: z.string(), status: z.string() })) },
        ...problemResponses(404, 412),
      },
    }),
    async (c) => {
      const { db, clock } = c.get("runtime");
      const reply = await replyToTicket(
        db,
        clock,
        { kind: "USER", ...author(c) },
        {
          ticketId: c.req.valid("param").ticketId,
          ...c.req.valid("json"),
        },
      );
      return c.json({ id: reply.id, status: reply.status }, 201);
    },
  );
}
