import { createDb, type DbHandle } from "@portway/db";
import { createTestDatabase, type TestDatabase } from "@portway/db/testing";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import {
  changeFirstPassword,
  changeStaffRole,
  createStaffUser,
  createStaffUserInput,
  deactivateStaffUser,
  listAudit,
  listStaffUsers,
  mustChangePassword,
  recordAudit,
  type ServiceError,
  seedDemoData,
} from "../src/index";

/** Staff administration and the audit log over real PostgreSQL. */
let database: TestDatabase;
let handle: DbHandle;
const clock = fixedClock(new Date("2026-12-07T15:00:00Z"));
const lead = "demo-lead-portway";

async function failureOf(promise: Promise<unknown>): Promise<ServiceError> {
  return promise.then(
    () => {
      throw new Error("expected a failure");
    },
    (error: ServiceError) => error,
  );
}

beforeAll(async () => {
  database = await createTestDatabase("staff_admin", inject("databaseUrl"));
  handle = createDb(database.url);
  await seedDemoData(handle.db, { production: false });
});
afterAll(async () => {
  await handle?.close();
  await database?.teardown();
});

describe("staff users", () => {
  it("adds an analyst whose first password must be changed, and records who did it", async () => {
    const { id } = await createStaffUser(
      handle.db,
      clock,
      lead,
      createStaffUserInput.parse({
        name: "Nia New",
        email: "Nia.New@portway.test",
        role: "analyst",
        password: "first-password-123",
      }),
    );
    expect(await mustChangePassword(handle.db, id)).toBe(true);
    const listed = (await listStaffUsers(handle.db)).find((u) => u.id === id);
    expect(listed).toMatchObject({
      email: "nia.new@portway.test",
      role: "analyst",
      active: true,
      mustChangePassword: true,
    });
    const wrong = await failureOf(
      changeFirstPassword(handle.db, clock, id, { currentPassword: "not-it", newPassword: "my-own-password-456" }),
    );
    expect(wrong).toMatchObject({ kind: "INVALID", field: "currentPassword" });
    const same = await failureOf(
      changeFirstPassword(handle.db, clock, id, {
        currentPassword: "first-password-123",
        newPassword: "first-password-123",
      }),
    );
    expect(same).toMatchObject({ kind: "INVALID", field: "newPassword" });
    await changeFirstPassword(handle.db, clock, id, {
      currentPassword: "first-password-123",
      newPassword: "my-own-password-456",
    });
    expect(await mustChangePassword(handle.db, id)).toBe(false);
    const audit = await listAudit(handle.db, { objectId: id, page: 0, pageSize: 10 });
    expect(audit.rows.map((r) => [r.action, r.actorName])).toEqual([
      ["STAFF_PASSWORD_CHANGED", "Nia New"],
      ["STAFF_CREATED", "Lee Lead"],
    ]);
    const taken = await failureOf(
      createStaffUser(handle.db, clock, lead, {
        name: "Again",
        email: "nia.new@portway.test",
        role: "lead",
        password: "first-password-123",
      }),
    );
    expect(taken).toMatchObject({ kind: "INVALID", field: "email", code: "EMAIL_TAKEN" });
  });

  it("deactivates a user: every session ends at once, and the entry says who did it", async () => {
    const { id } = await createStaffUser(handle.db, clock, lead, {
      name: "Sam Session",
      email: "sam@portway.test",
      role: "analyst",
      password: "first-password-123",
    });
    await handle.pool.query(
      "insert into auth_sessions (id, token, user_id, expires_at) values ('s-sam', 't-sam', $1, now() + interval '1 day')",
      [id],
    );
    await deactivateStaffUser(handle.db, clock, lead, { userId: id });
    const sessions = await handle.pool.query("select count(*)::int as n from auth_sessions where user_id = $1", [id]);
    expect(sessions.rows[0].n).toBe(0);
    expect((await listStaffUsers(handle.db)).find((u) => u.id === id)?.active).toBe(false);
    expect(await failureOf(deactivateStaffUser(handle.db, clock, lead, { userId: id }))).toMatchObject({
      code: "ALREADY_INACTIVE",
    });
    const audit = await listAudit(handle.db, { action: "STAFF_DEACTIVATED", page: 0, pageSize: 10 });
    expect(audit.rows[0]).toMatchObject({ actorId: lead, objectId: id, change: { email: "sam@portway.test" } });
  });

  it("never leaves the team without a lead, even when two leads demote each other at once", async () => {
    expect(await failureOf(changeStaffRole(handle.db, clock, lead, { userId: lead, role: "analyst" }))).toMatchObject({
      kind: "PRECONDITION",
      code: "LAST_LEAD",
    });
    expect(await failureOf(deactivateStaffUser(handle.db, clock, lead, { userId: lead }))).toMatchObject({
      code: "LAST_LEAD",
    });
    for (let round = 0; round < 5; round += 1) {
      const { id: other } = await createStaffUser(handle.db, clock, lead, {
        name: `Second Lead ${round}`,
        email: `lead-${round}@portway.test`,
        role: "lead",
        password: "first-password-123",
      });
      const results = await Promise.allSettled([
        deactivateStaffUser(handle.db, clock, other, { userId: lead }),
        deactivateStaffUser(handle.db, clock, lead, { userId: other }),
      ]);
      expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
      const leads = await handle.pool.query(
        `select count(*)::int as n from auth_users u where u.kind = 'staff' and u.role = 'lead'
           and exists (select 1 from auth_accounts a where a.user_id = u.id and a.provider_id = 'credential')`,
      );
      expect(leads.rows[0].n).toBe(1);
      if (results[0]?.status === "fulfilled") {
        // The demo lead went; make them lead again for the next round through the survivor.
        await handle.pool.query(
          "insert into auth_accounts (id, account_id, provider_id, user_id, password) select id || '-credential', id, 'credential', id, 'x' from auth_users where id = $1",
          [lead],
        );
        await deactivateStaffUser(handle.db, clock, lead, { userId: other });
      }
    }
  });
});

describe("the audit log", () => {
  it("is append-only: the database refuses updates, deletes and truncation", async () => {
    await recordAudit(handle.db, {
      actorId: lead,
      action: "HOLIDAY_ADDED",
      objectType: "holiday",
      objectId: "h-1",
      change: { date: "2026-12-24" },
      at: clock.now(),
    });
    for (const statement of [
      "update audit_log set actor_name = 'someone else'",
      "delete from audit_log",
      "truncate audit_log",
    ]) {
      await expect(handle.pool.query(statement)).rejects.toThrow(/append-only/);
    }
    const page = await listAudit(handle.db, { action: "HOLIDAY_ADDED", page: 0, pageSize: 10 });
    expect(page.rows[0]).toMatchObject({
      actorName: "Lee Lead",
      objectType: "holiday",
      change: { date: "2026-12-24" },
    });
  });

  it("filters by actor, object type and time", async () => {
    const byLead = await listAudit(handle.db, { actorId: lead, objectType: "staff", page: 0, pageSize: 100 });
    expect(byLead.rows.length).toBeGreaterThan(0);
    expect(byLead.rows.every((r) => r.actorId === lead && r.objectType === "staff")).toBe(true);
    const later = await listAudit(handle.db, { from: "2026-12-08T00:00:00Z", page: 0, pageSize: 10 });
    expect(later.total).toBe(0);
  });
});
