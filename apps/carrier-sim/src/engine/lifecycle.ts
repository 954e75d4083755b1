import type { OrderChanges, SuppData } from "@portway/partner";
import { decideFoc, findRejections } from "../behaviour/review";
import { writeCsr, writeCsrUnavailableText } from "../behaviour/texts";
import { maxReschedulesAfterFoc, timeline } from "../behaviour/timeline";
import { addEtBusinessDays, formatEtDate } from "../et-time";
import type { Queryable } from "../store/database";
import { emitEvent } from "./emit";
import { saveOrder, scheduleTimer, scheduleTimers, type TimerKind } from "./order-rows";
import type { EngineContext, OrderRow } from "./types";

/** Starts (or restarts, after a CHANGE) the CSR phase: CSR, then the LSP's review. */
export async function startCsrPhase(ctx: EngineContext, client: Queryable, order: OrderRow, from: Date): Promise<void> {
  const steps = timeline[order.port_type];
  await scheduleTimers(ctx, client, order, [
    { kind: "csr", dueAt: new Date(from.getTime() + steps.csrMs) },
    { kind: "review", dueAt: new Date(from.getTime() + steps.reviewMs) },
  ]);
}

async function emitCsr(ctx: EngineContext, client: Queryable, order: OrderRow, at: Date): Promise<void> {
  const availability = order.record.csr;
  if (availability === "AVAILABLE") {
    await emitEvent(ctx, client, order, { type: "CSR_RETURNED", csr: writeCsr(order.data, order.record, at) }, at);
    return;
  }
  const rawText = writeCsrUnavailableText(order.port_type, availability);
  await emitEvent(ctx, client, order, { type: "CSR_UNAVAILABLE", reason: availability, rawText }, at);
}

async function reviewOrder(ctx: EngineContext, client: Queryable, order: OrderRow, at: Date): Promise<void> {
  const rejections = findRejections(order.data, order.record);
  if (rejections.length > 0) {
    order.status = "REJECTED";
    order.state.rejected = true;
    await emitEvent(ctx, client, order, { type: "REJECTED", rejections }, at);
    return;
  }
  const focAfter = new Date(at.getTime() + timeline[order.port_type].focAfterReviewMs);
  await scheduleTimer(ctx, client, order, "foc", addEtBusinessDays(focAfter, order.record.extraFocBusinessDays));
}

async function issueFoc(ctx: EngineContext, client: Queryable, order: OrderRow, at: Date): Promise<void> {
  const decision = decideFoc(order.data, order.record, at);
  if (!decision.ok) {
    order.status = "REJECTED";
    order.state.rejected = true;
    const rejections = [{ code: "FOC_DATE_REFUSED", rawText: decision.rawText }];
    await emitEvent(ctx, client, order, { type: "REJECTED", rejections }, at);
    return;
  }
  order.status = "FOC";
  order.state.focAt = decision.focAt.toISOString();
  await emitFoc(ctx, client, order, at, decision.moved);
}

async function emitFoc(ctx: EngineContext, client: Queryable, order: OrderRow, at: Date, moved: boolean) {
  const focAt = new Date(order.state.focAt ?? order.data.requestedFocAt);
  const rawText = `${order.port_type === "AUTOMATED" ? "6000: (00000) " : ""}FOC ISSUED FOR ${formatEtDate(focAt)}${
    moved ? " - REQUESTED DUE DATE NOT AVAILABLE, EARLIEST DUE DATE GIVEN" : ""
  }`;
  await emitEvent(
    ctx,
    client,
    order,
    {
      type: "FOC",
      focAt: focAt.toISOString(),
      focDate: formatEtDate(focAt),
      requestedFocAt: order.data.requestedFocAt,
      rawText,
    },
    at,
  );
}

function applyChanges(order: OrderRow, changes: OrderChanges): void {
  const { account, ...rest } = changes;
  const data = { ...order.data };
  for (const [field, value] of Object.entries(rest)) {
    if (value !== undefined) {
      Object.assign(data, { [field]: value });
    }
  }
  if (account) {
    data.accountNumber = account.accountNumber;
    data.pin = account.pin;
  }
  order.data = data;
  // TNs added by a CHANGE are taken to be on the account; the record's other lines stay.
  order.record = { ...order.record, tns: [...new Set([...order.record.tns, ...data.tns])] };
}

/** A CHANGE (or a SUPP to a rejected order): new data, conditions lifted after a rejection, CSR phase again. */
async function resubmitOrder(ctx: EngineContext, client: Queryable, order: OrderRow, changes: OrderChanges, at: Date) {
  applyChanges(order, changes);
  if (order.state.rejected) {
    order.record = { ...order.record, conditions: [] };
    order.state.rejected = false;
  }
  order.status = "SUBMITTED";
  order.version += 1;
  await startCsrPhase(ctx, client, order, at);
}

async function resolveSupp(ctx: EngineContext, client: Queryable, order: OrderRow, at: Date): Promise<void> {
  const supp = order.state.supp;
  if (supp === null) {
    return;
  }
  order.state.supp = null;
  const { suppId, type } = supp;
  const request: SuppData = supp.request;
  const accept = () => emitEvent(ctx, client, order, { type: "SUPP_ACCEPTED", suppId, suppType: type }, at);
  const refuse = (code: string, rawText: string) =>
    emitEvent(ctx, client, order, { type: "SUPP_REJECTED", suppId, suppType: type, reason: { code, rawText } }, at);
  const afterFoc = order.status === "FOC";
  if (request.type === "CANCEL") {
    await accept();
    order.status = "CANCELLED";
    order.version += 1;
    const rawText =
      order.port_type === "AUTOMATED" ? "6001: (00000) ORDER CANCELLED PER SUP 1" : "LSR CANCELLED (SUP 1)";
    await emitEvent(ctx, client, order, { type: "CANCELLED", suppId, rawText }, at);
    return;
  }
  if (request.type === "CHANGE") {
    if (afterFoc) {
      await refuse("NOT_ALLOWED_AFTER_FOC", "SUP 3 NOT ACCEPTED AFTER FOC - ONLY A DUE DATE CHANGE (SUP 2) IS ALLOWED");
      return;
    }
    await accept();
    await resubmitOrder(ctx, client, order, request.changes, at);
    return;
  }
  if (!afterFoc) {
    await accept();
    if (order.status === "REJECTED") {
      await resubmitOrder(ctx, client, order, { requestedFocAt: request.requestedFocAt }, at);
    } else {
      order.data = { ...order.data, requestedFocAt: request.requestedFocAt };
    }
    return;
  }
  if (order.state.reschedulesAfterFoc >= maxReschedulesAfterFoc) {
    await refuse("SUPP_LIMIT_EXCEEDED", `MAXIMUM OF ${maxReschedulesAfterFoc} DUE DATE CHANGES AFTER FOC REACHED`);
    return;
  }
  const decision = decideFoc({ ...order.data, requestedFocAt: request.requestedFocAt }, order.record, at, {
    strict: true,
  });
  if (!decision.ok) {
    await refuse("DATE_NOT_AVAILABLE", decision.rawText);
    return;
  }
  await accept();
  order.data = { ...order.data, requestedFocAt: request.requestedFocAt };
  order.state.reschedulesAfterFoc += 1;
  order.state.focAt = decision.focAt.toISOString();
  await emitFoc(ctx, client, order, at, false);
}

export interface TimerRow {
  id: string;
  order_id: string;
  kind: TimerKind;
  due_at: Date;
  version: number;
}

/** Runs one due timer against its locked order; a stale or deferred timer does nothing now. */
export async function runTimer(ctx: EngineContext, client: Queryable, order: OrderRow, timer: TimerRow): Promise<void> {
  const at = timer.due_at;
  if (order.status === "ACTIVATED" || order.status === "CANCELLED" || timer.version !== order.version) {
    return;
  }
  const supp = order.state.supp;
  if (timer.kind !== "supp" && supp !== null) {
    // The LSP answers the SUPP first; whatever else was due waits until just after it.
    await scheduleTimer(ctx, client, order, timer.kind, new Date(new Date(supp.resolveAt).getTime() + 1));
    return;
  }
  if (timer.kind === "csr") {
    await emitCsr(ctx, client, order, at);
  } else if (timer.kind === "review") {
    await reviewOrder(ctx, client, order, at);
  } else if (timer.kind === "foc") {
    await issueFoc(ctx, client, order, at);
  } else {
    await resolveSupp(ctx, client, order, at);
  }
  await saveOrder(ctx, client, order);
}
