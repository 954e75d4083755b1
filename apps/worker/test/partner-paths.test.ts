import {
  cancelOrder,
  editOrder,
  getOrderDetail,
  recordOrderEvent,
  requestActivation,
  rescheduleOrder,
} from "@portway/services";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  hour,
  type Loop,
  minute,
  order,
  simulatorCall,
  startLoop,
  statusOf,
  submit,
  waitForStatus,
  waitForSuppsSent,
} from "./loop-harness";

let loop: Loop;
const week = 7 * 24 * hour;

beforeAll(async () => {
  loop = await startLoop(inject("databaseUrl"), "sim_paths");
});
afterAll(async () => {
  await loop?.stop();
});

const customer = () => ({
  actor: { kind: "USER" as const, id: loop.customer.userId },
  accountId: loop.customer.accountId,
});
const detail = (orderId: string) => getOrderDetail(loop.handle.db, { orderId }, { staff: true, now: loop.clock.now() });

/** Each scenario starts on its own Monday 10:00 ET (from 2027-01-11, clear of porting holidays). */
async function nextMonday(weeks: number) {
  await loop.setTime(new Date(Date.UTC(2027, 0, 11, 15) + weeks * week));
}

function focOn(weeks: number, day: number, hourUtc = 16) {
  return new Date(Date.UTC(2027, 0, 11 + day, hourUtc) + weeks * week).toISOString();
}

describe("every partner path", () => {
  it("handles a rejection with two codes: fixed through a CHANGE, back through CSR review, to FOC and COMPLETE", async () => {
    await nextMonday(0);
    const [orderId = ""] = await submit(
      loop,
      order(["+16172537100"], "PATH-REJECT", { accountNumber: "ACCT-9912", requestedFoc: focOn(0, 3) }),
    );
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await loop.advance(10 * minute);
    await waitForStatus(loop, orderId, "PENDING_FOC");
    await loop.advance(3 * hour);
    await waitForStatus(loop, orderId, "EXCEPTION");
    let view = await detail(orderId);
    expect(view.openRejections.map((r) => r.reason).sort()).toEqual(["ACCOUNT_NUMBER", "ADDRESS_MISMATCH"]);
    const csr = view.csr?.comparison;
    expect(csr).toBeTruthy();
    // The fix: adopt what the carrier has on file (from the CSR the partner returned).
    const onFile = await loop.handle.pool.query(
      "select body from partner_events where order_id = $1 and type = 'CSR_RETURNED'",
      [orderId],
    );
    const record = onFile.rows[0].body.csr;
    await editOrder(loop.handle.db, loop.clock, customer(), {
      orderId,
      baseVersion: view.order.version,
      changes: {
        accountNumber: record.accountNumber,
        pin: null,
        serviceAddress: {
          houseNumber: record.serviceAddress.houseNumber,
          street: record.serviceAddress.streetName,
          zip: record.serviceAddress.zip,
        },
      },
    });
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await waitForSuppsSent(loop, orderId);
    // The CHANGE is answered after 30 minutes; the partner then pulls a new CSR and reviews again.
    await loop.advance(40 * minute);
    await waitForStatus(loop, orderId, "PENDING_FOC");
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    view = await detail(orderId);
    expect(view.openRejections).toEqual([]);
    await loop.setTime(new Date(view.order.focAt ?? ""));
    await loop.worker.scanNow();
    await waitForStatus(loop, orderId, "COMPLETE");
  });

  it("reschedules after FOC through a SUPP, holds activation while it is in flight and activates after", async () => {
    await nextMonday(1);
    const [orderId = ""] = await submit(
      loop,
      order(["+16172537200"], "PATH-RESCHEDULE", { requestedFoc: focOn(1, 3) }),
    );
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await loop.advance(10 * minute);
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    const view = await detail(orderId);
    await rescheduleOrder(loop.handle.db, loop.clock, customer(), {
      orderId,
      baseVersion: view.order.version,
      date: focOn(1, 4).slice(0, 10),
      time: "11:00",
    });
    await waitForStatus(loop, orderId, "SUPP_PENDING");
    await waitForSuppsSent(loop, orderId);
    // The old FOC time passes while the SUPP is in flight: no activation.
    const held = await loop.handle.pool.query("select activation_held from port_orders where id = $1", [orderId]);
    expect(held.rows[0].activation_held).toBe(true);
    await loop.worker.scanNow();
    expect(await statusOf(loop, orderId)).toBe("SUPP_PENDING");
    await loop.advance(40 * minute);
    await waitForStatus(loop, orderId, "FOC");
    const moved = await detail(orderId);
    expect(moved.order.focAt?.toISOString()).toBe(focOn(1, 4));
    await loop.setTime(new Date(focOn(1, 4)));
    await loop.worker.scanNow();
    await waitForStatus(loop, orderId, "COMPLETE");
  });

  it("turns a short-notice cancel into a manual request; CANCELLED only when the porting team records acceptance", async () => {
    await nextMonday(2);
    const [orderId = ""] = await submit(loop, order(["+16172537300"], "PATH-SHORT", { requestedFoc: focOn(2, 3) }));
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await loop.advance(10 * minute);
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    // Wednesday noon ET: inside one business day of Thursday 11:00.
    await loop.setTime(new Date(focOn(2, 2, 17)));
    const view = await detail(orderId);
    await cancelOrder(loop.handle.db, loop.clock, customer(), { orderId, baseVersion: view.order.version });
    expect(await statusOf(loop, orderId)).toBe("FOC");
    expect((await detail(orderId)).manualRequests.map((m) => m.kind)).toEqual(["SHORT_NOTICE_CANCEL"]);
    await loop.setTime(new Date(focOn(2, 3)));
    await loop.worker.scanNow();
    expect(await statusOf(loop, orderId)).toBe("FOC");
    await recordOrderEvent(
      loop.handle.db,
      loop.clock,
      { actor: { kind: "STAFF", id: "demo-analyst-portway" } },
      { type: "SUPP_ACCEPTED", orderId },
    );
    expect(await statusOf(loop, orderId)).toBe("CANCELLED");
  });

  it("activates an on-demand order when the customer asks, and another automatically at the end of its window", async () => {
    await nextMonday(3);
    const [asked = ""] = await submit(
      loop,
      order(["+16172537400"], "PATH-DEMAND-1", { onDemandActivation: true, requestedFoc: focOn(3, 3) }),
    );
    const [forgotten = ""] = await submit(
      loop,
      order(["+16172537401"], "PATH-DEMAND-2", { onDemandActivation: true, requestedFoc: focOn(3, 3) }),
    );
    await waitForStatus(loop, asked, "CSR_REVIEW");
    await waitForStatus(loop, forgotten, "CSR_REVIEW");
    await loop.advance(10 * minute);
    await loop.advance(5 * hour);
    await waitForStatus(loop, asked, "FOC");
    await waitForStatus(loop, forgotten, "FOC");
    await loop.setTime(new Date(focOn(3, 3)));
    await loop.worker.scanNow();
    expect(await statusOf(loop, asked)).toBe("FOC");
    const view = await detail(asked);
    await requestActivation(loop.handle.db, loop.clock, customer(), {
      orderId: asked,
      baseVersion: view.order.version,
    });
    await waitForStatus(loop, asked, "COMPLETE");
    expect(await statusOf(loop, forgotten)).toBe("FOC");
    // 22:00 ET on the FOC day closes the AUTOMATED window: the scan activates what nobody did.
    await loop.setTime(new Date(focOn(3, 4, 3)));
    await loop.worker.scanNow();
    await waitForStatus(loop, forgotten, "COMPLETE");
  });

  it("heals dropped callbacks by reconciliation and applies duplicated, reordered ones once and in order", async () => {
    await nextMonday(4);
    await simulatorCall(loop.simulatorUrl, "/sim/faults", {
      dropRate: 0.5,
      duplicateRate: 0.5,
      reorderRate: 0.5,
      seed: 7,
    });
    const ids: string[] = [];
    for (let i = 0; i < 6; i++) {
      const [id = ""] = await submit(
        loop,
        order([`+1617253750${i}`], `PATH-FAULTS-${i}`, { requestedFoc: focOn(4, 3) }),
      );
      ids.push(id);
    }
    for (const id of ids) {
      await waitForStatus(loop, id, "CSR_REVIEW");
    }
    await loop.advance(10 * minute);
    await loop.advance(5 * hour);
    await simulatorCall(loop.simulatorUrl, "/sim/faults", {});
    // Quiet for longer than the reconciliation interval: the scan asks the partner and heals every order.
    await loop.advance(31 * minute);
    await loop.worker.scanNow();
    for (const id of ids) {
      await waitForStatus(loop, id, "FOC");
      const history = await loop.handle.pool.query("select event from order_history where order_id = $1 order by id", [
        id,
      ]);
      expect(history.rows.map((r) => r.event)).toEqual(["SUBMIT", "PARTNER_ACCEPTED", "CSR_RETURNED", "FOC_RECEIVED"]);
    }
    const stats = (await simulatorCall(loop.simulatorUrl, "/sim/stats")) as {
      callbacks: { dropped: number; duplicates: number };
    };
    expect(stats.callbacks.dropped).toBeGreaterThan(0);
    expect(stats.callbacks.duplicates).toBeGreaterThan(0);
  });

  it("accepts three reschedules after FOC through the partner and refuses a fourth", async () => {
    await nextMonday(5);
    const [orderId = ""] = await submit(
      loop,
      order(["+16172537600"], "PATH-FOURTH-SUPP", { requestedFoc: focOn(5, 3) }),
    );
    await waitForStatus(loop, orderId, "CSR_REVIEW");
    await loop.advance(10 * minute);
    await loop.advance(5 * hour);
    await waitForStatus(loop, orderId, "FOC");
    // Friday, next Monday, next Tuesday: each a SUPP the partner accepts half an hour later with a new FOC.
    for (const day of [4, 7, 8]) {
      const view = await detail(orderId);
      await rescheduleOrder(loop.handle.db, loop.clock, customer(), {
        orderId,
        baseVersion: view.order.version,
        date: focOn(5, day).slice(0, 10),
        time: "11:00",
      });
      await waitForStatus(loop, orderId, "SUPP_PENDING");
      await waitForSuppsSent(loop, orderId);
      await loop.advance(40 * minute);
      await waitForStatus(loop, orderId, "FOC");
      expect((await detail(orderId)).order.focAt?.toISOString()).toBe(focOn(5, day));
    }
    const view = await detail(orderId);
    await expect(
      rescheduleOrder(loop.handle.db, loop.clock, customer(), {
        orderId,
        baseVersion: view.order.version,
        date: focOn(5, 9).slice(0, 10),
        time: "11:00",
      }),
    ).rejects.toMatchObject({ code: "SUPP_LIMIT_REACHED" });
    // Nothing was sent for the fourth: three SUPPs reached the partner, and the order keeps its FOC.
    const supps = await loop.handle.pool.query("select status from supps where order_id = $1 order by created_at", [
      orderId,
    ]);
    expect(supps.rows.map((row) => row.status)).toEqual(["ACCEPTED", "ACCEPTED", "ACCEPTED"]);
    expect(await statusOf(loop, orderId)).toBe("FOC");
    expect((await detail(orderId)).order.focAt?.toISOString()).toBe(focOn(5, 8));
  });
});
