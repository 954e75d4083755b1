import type { DbHandle } from "@portway/db";
import type { Identity } from "@portway/services";
import type { AnyTRPCRouter } from "@trpc/server";
import fc from "fast-check";
import superjson from "superjson";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminRouter } from "../../src/admin";
import { customerRouter } from "../../src/customer";
import { handleTrpcRequest } from "../../src/http-handler";
import { acmeCustomer, analyst, contextFor, openSeededDb } from "../helpers";

let handle: DbHandle;
let customer: Identity;
const tables = ["port_orders", "drafts", "api_keys", "webhook_endpoints", "tickets", "auth_users", "order_notes"];

beforeAll(async () => {
  handle = await openSeededDb();
  customer = await acmeCustomer(handle);
});
afterAll(async () => {
  await handle.close();
});

async function rowCount(): Promise<number> {
  let total = 0;
  for (const table of tables) {
    const exists = await handle.pool.query("select to_regclass($1) as t", [table]);
    if (exists.rows[0].t) {
      total += (await handle.pool.query(`select count(*)::int as n from ${table}`)).rows[0].n;
    }
  }
  return total;
}

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom("\u0000", "a\u0000b", "\uD800", "__proto__", "constructor", "' or 1=1 --", "not-a-uuid", "", " "),
  fc.uuid(),
  fc.string({ maxLength: 3000 }),
);
const fields = [
  "orderId",
  "draftId",
  "accountId",
  "userId",
  "name",
  "url",
  "sort",
  "page",
  "pageSize",
  "body",
  "subject",
  "email",
  "tns",
  "role",
  "eventId",
  "endpointId",
  "keyId",
  "search",
  "direction",
];
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 5 }),
);
const hostileInput = fc.oneof(fc.dictionary(fc.constantFrom(...fields), hostileValue), hostileValue);

function proceduresOf(router: AnyTRPCRouter): [string, string][] {
  return Object.entries(router._def.procedures as Record<string, { _def: { type: string } }>).map(([path, p]) => [
    path,
    p._def.type,
  ]);
}

const portals = [
  { name: "customer", router: customerRouter, origin: "http://localhost:3000", who: () => customer },
  { name: "admin", router: adminRouter, origin: "http://localhost:3001", who: (): Identity => analyst },
];

describe("seeded bounded fuzz over every procedure", () => {
  it("answers no 5xx, and a refused request writes no rows", async () => {
    let calls = 0;
    let refused = 0;
    const fivexx: string[] = [];
    for (const portal of portals) {
      const procedures = proceduresOf(portal.router).filter(([, type]) => type !== "subscription");
      await fc.assert(
        fc.asyncProperty(fc.constantFrom(...procedures), hostileInput, async ([path, type], input) => {
          const encoded = JSON.stringify(superjson.serialize(input));
          const request =
            type === "query"
              ? new Request(`${portal.origin}/api/trpc/${path}?input=${encodeURIComponent(encoded)}`)
              : new Request(`${portal.origin}/api/trpc/${path}`, {
                  method: "POST",
                  headers: { "content-type": "application/json", origin: portal.origin },
                  body: encoded,
                });
          const before = type === "mutation" ? await rowCount() : 0;
          const response = await handleTrpcRequest(request, {
            router: portal.router,
            ownOrigin: portal.origin,
            createContext: () => contextFor(handle, portal.who()),
          });
          calls += 1;
          if (response.status >= 500) {
            fivexx.push(`${portal.name} ${path} ${response.status} ${encoded.slice(0, 120)}`);
          }
          if (response.status >= 400) {
            refused += 1;
            if (type === "mutation") {
              expect(await rowCount(), `${path} wrote rows while refusing`).toBe(before);
            }
          }
        }),
        { seed: 15, numRuns: 1500 },
      );
    }
    console.info(`fuzz: ${calls} calls, ${refused} refused, ${fivexx.length} answered 5xx`);
    expect(fivexx).toEqual([]);
  }, 300_000);
});
