import { type Db, findAccountEvents } from "@portway/db";
import { ServiceError } from "../errors";
import { webhookEventTypes } from "../notifications/events";

/** The cursor of an event log page: the last event's instant and ID, opaque to callers. */
function encodeEventCursor(event: { occurredAt: Date; id: string }): string {
  return Buffer.from(`${event.occurredAt.toISOString()}|${event.id}`).toString("base64url");
}

function decodeEventCursor(cursor: string): { occurredAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(at ?? "");
  if (
    !id ||
    Number.isNaN(occurredAt.getTime()) ||
    !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)
  ) {
    throw new ServiceError("INVALID", "INVALID_CURSOR", "The cursor is not one this API answered.", "cursor");
  }
  return { occurredAt, id };
}

/**
 * The account's event log, newest first: every event recorded for its webhook endpoints, with the payload as
 * delivered, a page at a time by keyset cursor (events recorded while paging never shift a page). Optionally of one
 * type or one order.
 */
export async function listAccountEvents(
  db: Db,
  who: { accountId: string },
  input: { cursor?: string | undefined; limit: number; type?: string | undefined; orderId?: string | undefined },
) {
  if (input.type && !(webhookEventTypes as readonly string[]).includes(input.type)) {
    throw new ServiceError(
      "INVALID",
      "INVALID_FILTER",
      `${input.type} is not one of ${webhookEventTypes.join(", ")}.`,
      "type",
    );
  }
  const rows = await findAccountEvents(db, {
    accountId: who.accountId,
    before: input.cursor ? decodeEventCursor(input.cursor) : null,
    ...(input.type ? { type: input.type } : {}),
    ...(input.orderId ? { orderId: input.orderId } : {}),
    limit: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const last = page[page.length - 1];
  return {
    data: page.map((e) => ({
      id: e.id,
      type: e.type,
      orderId: e.orderId,
      occurredAt: e.occurredAt,
      payload: e.payload,
    })),
    nextCursor: rows.length > input.limit && last ? encodeEventCursor(last) : null,
  };
}
