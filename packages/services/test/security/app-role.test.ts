import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

let handle: DbHandle;

beforeAll(() => {
  handle = createDb(inject("databaseUrl"), { max: 2 });
});
afterAll(async () => {
  await handle.close();
});

/** Runs `sql` as the apps' role (the migrations created it) in a transaction that is rolled back. */
async function asAppRole(sql: string): Promise<{ ok: true } | { ok: false; code: string }> {
  const client = await handle.pool.connect();
  try {
    await client.query("begin");
    await client.query("set local role portway_app");
    await client.query(sql);
    return { ok: true };
  } catch (error) {
    return { ok: false, code: (error as { code?: string }).code ?? "?" };
  } finally {
    await client.query("rollback");
    client.release();
  }
}

describe("the apps' least-privilege database role", () => {
  it("reads and writes rows of Portway's tables", async () => {
    expect(await asAppRole("select count(*) from port_orders")).toEqual({ ok: true });
    expect(await asAppRole("insert into rate_limits (key, points, expire) values ('role-test', 1, null)")).toEqual({
      ok: true,
    });
    expect(await asAppRole("select count(*) from order_history")).toEqual({ ok: true });
  });

  it("cannot drop or alter a table, create one, or change the order history and the audit log", async () => {
    const refused = { ok: false, code: "42501" };
    expect(await asAppRole("drop table port_orders")).toEqual(refused);
    expect(await asAppRole("alter table port_orders add column hijack text")).toEqual(refused);
    expect(await asAppRole("truncate rate_limits")).toEqual(refused);
    expect(await asAppRole("create table public.hijack (id int)")).toEqual(refused);
    expect(await asAppRole("update order_history set reason = 'rewritten'")).toEqual(refused);
    expect(await asAppRole("delete from order_history")).toEqual(refused);
    expect(await asAppRole("update audit_log set action = 'rewritten'")).toEqual(refused);
    expect(await asAppRole("drop trigger order_history_append_only on order_history")).toEqual(refused);
  });
});
