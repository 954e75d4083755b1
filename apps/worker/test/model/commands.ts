import {
  addBusinessDays,
  addDays,
  buildBusinessCalendar,
  easternToInstant,
  FOC_LEAD_BUSINESS_DAYS,
  toEasternWallTime,
} from "@portway/domain";
import {
  cancelOrder,
  editOrder,
  recordOrderEvent,
  requestActivation,
  rescheduleOrder,
  resubmitOrder,
  ServiceError,
} from "@portway/services";
import fc from "fast-check";
import { order as orderData, simulatorCall, submit } from "../loop-harness";
import { customer, day, hour, minute, observe, query, settle, type World } from "./harness";
import { checkInvariants } from "./invariants";
import { type CustomerActionKind, isOpen, type Model, type ModelOrder, orderAt, PRE_FOC } from "./model";

type Command = fc.AsyncCommand<Model, World>;

/** Where the TNs come from: an off-net exchange, one whose carrier needs 5 business days, and an on-net one. */
const AREAS = {
  offNet: { npaNxx: "617253", lead: FOC_LEAD_BUSINESS_DAYS.AUTOMATED },
  longInterval: { npaNxx: "512236", lead: 5 },
  onNet: { npaNxx: "312286", lead: FOC_LEAD_BUSINESS_DAYS.ON_NET },
} as const;
type Area = keyof typeof AREAS;

/**
 * The simulator's behaviour triggers (last four digits of the account number): a clean order, pending order,
 * freeze, other, address and account mismatch, FOC date refused, TN not portable, no CSR, a CSR with 2 more TNs.
 */
const TRIGGERS = ["1000", "1000", "9906", "9907", "9911", "9912", "9909", "9908", "9920", "9932"] as const;
const TIMES = ["09:00", "11:00", "16:30"] as const;

function calendarAt(at: Date) {
  const year = at.getUTCFullYear();
  return buildBusinessCalendar([year - 1, year, year + 1], []);
}

/** After each step: let the queue drain, read every order back, and check the invariants. */
async function afterStep(world: World, model: Model, step: string) {
  model.steps.push(step);
  world.log(`step: ${step}`);
  await settle(world, model);
  for (const order of model.orders) {
    await observe(world, order);
  }
  const violations = await checkInvariants(world, model);
  if (violations.length > 0) {
    throw new Error(`after "${step}":\n  ${violations.join("\n  ")}`);
  }
}

async function userHistoryCount(world: World, orderId: string) {
  const [row] = await query<{ n: number }>(
    world,
    "select count(*)::int as n from order_history where order_id = $1 and actor_kind = 'USER'",
    [orderId],
  );
  return row?.n ?? 0;
}

/**
 * A customer action: accepted (the model counts it, it owes exactly one request) or refused with a typed error that
 * wrote nothing. Any other failure is what a portal would answer with a 500.
 */
async function customerAction(
  world: World,
  model: Model,
  order: ModelOrder,
  kind: Exclude<CustomerActionKind, "SUBMIT">,
  label: string,
  action: () => Promise<{ status: string; version: number }>,
) {
  const before = await userHistoryCount(world, order.id);
  let outcome: string;
  try {
    const result = await action();
    order.accepted.push({ kind, at: world.loop.clock.now().toISOString() });
    outcome = "accepted";
    // The model's prediction: one transition, to a status the action can lead to from where the order was.
    const allowed = EXPECTED_STATUS[kind](order.status);
    if (result.version !== order.version + 1 || !allowed.includes(result.status)) {
      throw new Error(
        `${label}: accepted from ${order.status} v${order.version} into ${result.status} v${result.version}; the model expects v${order.version + 1} in ${allowed.join(" or ")}`,
      );
    }
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${label}: accepted`)) {
      throw error;
    }
    if (!(error instanceof ServiceError)) {
      throw new Error(`${label}: unexpected error (a 500 in the portal): ${String(error)}`);
    }
    outcome = `refused ${error.code}`;
    if ((await userHistoryCount(world, order.id)) !== before) {
      throw new Error(`${label}: refused with ${error.code} but wrote history`);
    }
  }
  await afterStep(world, model, `${label} -> ${outcome}`);
}

/** Where an accepted customer action may take an order (a short-notice request leaves the status as it is). */
const EXPECTED_STATUS: Record<Exclude<CustomerActionKind, "SUBMIT">, (from: string) => string[]> = {
  EDIT: (from) => [from, "CSR_REVIEW"],
  RESCHEDULE: (from) => (from === "FOC" ? ["SUPP_PENDING", "FOC"] : [from, "CSR_REVIEW"]),
  CANCEL: (from) => ["SUPP_PENDING", "CANCELLED", ...(from === "FOC" ? ["FOC"] : [])],
  RESUBMIT: () => ["CSR_REVIEW", "SUBMITTED"],
  ACTIVATE: () => ["FOC", "COMPLETE"],
};

function baseVersion(order: ModelOrder) {
  return order.version;
}

class SubmitCommand implements Command {
  constructor(
    readonly area: Area,
    readonly trigger: string,
    readonly tnCount: number,
    readonly onDemand: boolean,
    readonly extraDays: number,
    readonly time: string,
  ) {}
  check(model: Readonly<Model>) {
    return model.orders.length < 8;
  }
  async run(model: Model, world: World) {
    const { npaNxx, lead } = AREAS[this.area];
    const tns = Array.from(
      { length: this.tnCount },
      () => `+1${npaNxx}${String(world.nextLine++ % 10_000).padStart(4, "0")}`,
    );
    if (world.nextLine >= 9_000) {
      world.nextLine = 1000;
    }
    const now = world.loop.clock.now();
    const today = toEasternWallTime(now.getTime()).date;
    const date = addBusinessDays(today, lead + this.extraDays, calendarAt(now));
    const requestedFoc = easternToInstant(date, this.time) ?? "";
    const data = orderData(tns, `MODEL-${model.run}-${model.orders.length}`, {
      accountNumber: `ACCT-${this.trigger}`,
      onDemandActivation: this.onDemand,
      requestedFoc,
    });
    let ids: string[];
    try {
      ids = await submit(world.loop, data);
    } catch (error) {
      throw new Error(`${this.toString()}: a valid submission was refused: ${String(error)}`);
    }
    for (const id of ids) {
      const order: ModelOrder = {
        index: model.orders.length,
        id,
        tns,
        onDemand: this.onDemand,
        trigger: this.trigger,
        accepted: [{ kind: "SUBMIT", at: now.toISOString() }],
        status: "SUBMITTED",
        version: 0,
        history: [],
      };
      model.orders.push(order);
    }
    await afterStep(world, model, this.toString());
  }
  toString() {
    return `submit(${this.area}, ${this.trigger}, ${this.tnCount} TN, ${this.onDemand ? "on demand" : "scheduled"}, +${this.extraDays}d ${this.time})`;
  }
}

type EditKind = "adoptCsr" | "unit" | "pin" | "dropTn" | "date";

class EditCommand implements Command {
  constructor(
    readonly target: number,
    readonly kind: EditKind,
    readonly n: number,
  ) {}
  check(model: Readonly<Model>) {
    const order = orderAt(model, this.target);
    return isOpen(order) && PRE_FOC.includes(order.status);
  }
  async changes(world: World, order: ModelOrder): Promise<Record<string, unknown>> {
    switch (this.kind) {
      case "adoptCsr": {
        const [csr] = await query<{ body: { csr?: Record<string, unknown> } }>(
          world,
          "select body from partner_events where order_id = $1 and type = 'CSR_RETURNED' order by sequence desc limit 1",
          [order.id],
        );
        const record = csr?.body.csr as
          | { accountNumber?: string; serviceAddress?: { houseNumber?: string; streetName?: string; zip?: string } }
          | undefined;
        if (!record?.accountNumber || !record.serviceAddress) {
          // No CSR yet: the customer changes what they can (the unit).
          return { serviceAddress: { unit: `Suite ${this.n}` } };
        }
        return {
          accountNumber: record.accountNumber,
          serviceAddress: {
            houseNumber: record.serviceAddress.houseNumber,
            street: record.serviceAddress.streetName,
            zip: record.serviceAddress.zip,
          },
        };
      }
      case "unit":
        return { serviceAddress: { unit: `Suite ${this.n}` } };
      case "pin":
        return { pin: String(1000 + this.n) };
      case "dropTn": {
        const rest = order.tns.slice(1);
        return rest.length > 0 ? { tns: rest, btn: rest[0] } : { serviceAddress: { unit: `Suite ${this.n}` } };
      }
      case "date": {
        const now = world.loop.clock.now();
        const date = addBusinessDays(toEasternWallTime(now.getTime()).date, 3 + (this.n % 5), calendarAt(now));
        return { requestedFoc: easternToInstant(date, "11:00") };
      }
    }
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    const changes = await this.changes(world, order);
    await customerAction(world, model, order, "EDIT", this.toString(), async () => {
      const result = await editOrder(world.loop.handle.db, world.loop.clock, customer(world), {
        orderId: order.id,
        baseVersion: baseVersion(order),
        changes,
      });
      if (this.kind === "dropTn" && Array.isArray(changes.tns)) {
        order.tns = changes.tns as string[];
      }
      return result;
    });
  }
  toString() {
    return `edit(#${this.target}, ${this.kind} ${this.n})`;
  }
}

class RescheduleCommand implements Command {
  constructor(
    readonly target: number,
    readonly calendarDays: number,
    readonly time: string,
  ) {}
  check(model: Readonly<Model>) {
    const order = orderAt(model, this.target);
    return isOpen(order) && (PRE_FOC.includes(order.status) || order.status === "FOC");
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    const today = toEasternWallTime(world.loop.clock.now().getTime()).date;
    await customerAction(world, model, order, "RESCHEDULE", this.toString(), () =>
      rescheduleOrder(world.loop.handle.db, world.loop.clock, customer(world), {
        orderId: order.id,
        baseVersion: baseVersion(order),
        date: addDays(today, this.calendarDays),
        time: this.time,
      }),
    );
  }
  toString() {
    return `reschedule(#${this.target}, today+${this.calendarDays}d ${this.time})`;
  }
}

class CancelCommand implements Command {
  constructor(readonly target: number) {}
  check(model: Readonly<Model>) {
    return isOpen(orderAt(model, this.target));
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    await customerAction(world, model, order, "CANCEL", this.toString(), () =>
      cancelOrder(world.loop.handle.db, world.loop.clock, customer(world), {
        orderId: order.id,
        baseVersion: baseVersion(order),
      }),
    );
  }
  toString() {
    return `cancel(#${this.target})`;
  }
}

class ResubmitCommand implements Command {
  constructor(readonly target: number) {}
  check(model: Readonly<Model>) {
    return orderAt(model, this.target)?.status === "EXCEPTION";
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    await customerAction(world, model, order, "RESUBMIT", this.toString(), () =>
      resubmitOrder(world.loop.handle.db, world.loop.clock, customer(world), {
        orderId: order.id,
        baseVersion: baseVersion(order),
      }),
    );
  }
  toString() {
    return `resubmit(#${this.target})`;
  }
}

class ActivateCommand implements Command {
  constructor(readonly target: number) {}
  check(model: Readonly<Model>) {
    const order = orderAt(model, this.target);
    return order?.status === "FOC" && order.onDemand;
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    await customerAction(world, model, order, "ACTIVATE", this.toString(), () =>
      requestActivation(world.loop.handle.db, world.loop.clock, customer(world), {
        orderId: order.id,
        baseVersion: baseVersion(order),
      }),
    );
  }
  toString() {
    return `activate(#${this.target})`;
  }
}

/** The porting team records the LSP's answer to a short-notice request (cancel: either answer; reschedule: refused). */
class StaffAnswerCommand implements Command {
  constructor(
    readonly target: number,
    readonly accept: boolean,
  ) {}
  check(model: Readonly<Model>) {
    return isOpen(orderAt(model, this.target));
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    const [open] = await query<{ kind: string }>(
      world,
      "select kind from manual_requests where order_id = $1 and status = 'OPEN' order by created_at limit 1",
      [order.id],
    );
    let outcome = "nothing open";
    if (open) {
      const accept = this.accept && open.kind === "SHORT_NOTICE_CANCEL";
      const staff = { actor: { kind: "STAFF" as const, id: "demo-analyst-portway" } };
      try {
        await recordOrderEvent(
          world.loop.handle.db,
          world.loop.clock,
          staff,
          accept
            ? { type: "SUPP_ACCEPTED", orderId: order.id }
            : { type: "SUPP_REFUSED", orderId: order.id, reason: "The LSP could not take it at this notice." },
        );
        outcome = `${open.kind} ${accept ? "accepted" : "refused"}`;
      } catch (error) {
        if (!(error instanceof ServiceError)) {
          throw new Error(`${this.toString()}: unexpected error: ${String(error)}`);
        }
        outcome = `refused ${error.code}`;
      }
    }
    await afterStep(world, model, `${this.toString()} -> ${outcome}`);
  }
  toString() {
    return `staffAnswer(#${this.target}, ${this.accept ? "accept" : "refuse"})`;
  }
}

/** Both clocks move; the simulator delivers whatever fell due (CSR, review, FOC, SUPP answers). */
class AdvanceCommand implements Command {
  constructor(readonly ms: number) {}
  check() {
    return true;
  }
  async run(model: Model, world: World) {
    await world.loop.advance(this.ms);
    await afterStep(world, model, this.toString());
  }
  toString() {
    return this.ms >= day
      ? `advance(${this.ms / day}d)`
      : this.ms >= hour
        ? `advance(${this.ms / hour}h)`
        : `advance(${this.ms / minute}min)`;
  }
}

/** Jumps to an order's FOC (plus a little) and runs the scans: scheduled activations go out. */
class ToFocCommand implements Command {
  constructor(
    readonly target: number,
    readonly lateMinutes: number,
  ) {}
  check(model: Readonly<Model>) {
    return orderAt(model, this.target)?.status === "FOC";
  }
  async run(model: Model, world: World) {
    const order = model.orders[this.target] as ModelOrder;
    const [row] = await query<{ focAt: Date | null }>(
      world,
      `select foc_at as "focAt" from port_orders where id = $1`,
      [order.id],
    );
    const target = row?.focAt ? row.focAt.getTime() + this.lateMinutes * minute : 0;
    if (target > world.loop.clock.now().getTime()) {
      await world.loop.setTime(new Date(target));
    }
    await world.loop.worker.scanNow();
    await afterStep(world, model, this.toString());
  }
  toString() {
    return `toFoc(#${this.target}, +${this.lateMinutes}min)`;
  }
}

/** Half an hour of partner silence, then the scans: reconciliation asks the partner for what was dropped. */
class ScanCommand implements Command {
  check() {
    return true;
  }
  async run(model: Model, world: World) {
    await world.loop.advance(31 * minute);
    await world.loop.worker.scanNow();
    await afterStep(world, model, this.toString());
  }
  toString() {
    return "quietThenScan()";
  }
}

/** Callback faults of the simulator from now on: dropped, duplicated and held-back callbacks. */
class FaultsCommand implements Command {
  constructor(
    readonly dropRate: number,
    readonly duplicateRate: number,
    readonly reorderRate: number,
    readonly seed: number,
  ) {}
  check() {
    return true;
  }
  async run(model: Model, world: World) {
    await simulatorCall(world.loop.simulatorUrl, "/sim/faults", {
      dropRate: this.dropRate,
      duplicateRate: this.duplicateRate,
      reorderRate: this.reorderRate,
      seed: this.seed,
    });
    await afterStep(world, model, this.toString());
  }
  toString() {
    return `faults(drop ${this.dropRate}, duplicate ${this.duplicateRate}, reorder ${this.reorderRate}, seed ${this.seed})`;
  }
}

const target = fc.nat({ max: 5 });

/** A new order: its TNs' area, the simulator's behaviour trigger, size, activation and requested FOC. */
const submitArbitrary = fc
  .tuple(
    fc.constantFrom<Area>("offNet", "offNet", "longInterval", "onNet"),
    fc.constantFrom(...TRIGGERS),
    fc.integer({ min: 1, max: 3 }),
    fc.boolean(),
    fc.nat({ max: 3 }),
    fc.constantFrom(...TIMES),
  )
  .map(
    ([area, trigger, count, onDemand, extra, time]) => new SubmitCommand(area, trigger, count, onDemand, extra, time),
  );

/** The first command of every run. */
export const firstSubmit = submitArbitrary;

const weighted = (weight: number, arbitrary: fc.Arbitrary<Command>) => ({ weight, arbitrary });

/** One step: customer actions, partner behaviours (faults, the porting team) and clock moves, weighted. */
export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  weighted(3, submitArbitrary),
  weighted(
    4,
    fc
      .tuple(
        target,
        fc.constantFrom<EditKind>("adoptCsr", "adoptCsr", "unit", "pin", "dropTn", "date"),
        fc.nat({ max: 99 }),
      )
      .map(([t, kind, n]) => new EditCommand(t, kind, n)),
  ),
  weighted(
    3,
    fc
      .tuple(target, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...TIMES))
      .map(([t, days, time]) => new RescheduleCommand(t, days, time)),
  ),
  weighted(
    2,
    target.map((t) => new CancelCommand(t)),
  ),
  weighted(
    3,
    target.map((t) => new ResubmitCommand(t)),
  ),
  weighted(
    2,
    target.map((t) => new ActivateCommand(t)),
  ),
  weighted(
    1,
    fc.tuple(target, fc.boolean()).map(([t, accept]) => new StaffAnswerCommand(t, accept)),
  ),
  weighted(
    8,
    fc
      .constantFrom(5 * minute, 35 * minute, 2 * hour, 3 * hour, 5 * hour, day, 3 * day)
      .map((ms) => new AdvanceCommand(ms)),
  ),
  weighted(
    3,
    fc.tuple(target, fc.constantFrom(0, 1, 600)).map(([t, late]) => new ToFocCommand(t, late)),
  ),
  weighted(2, fc.constant(new ScanCommand())),
  weighted(
    1,
    fc
      .tuple(
        fc.constantFrom(0, 0, 0.3, 0.6),
        fc.constantFrom(0, 0.3, 0.6),
        fc.constantFrom(0, 0, 0.3),
        fc.nat({ max: 999 }),
      )
      .map(([drop, dup, reorder, seed]) => new FaultsCommand(drop, dup, reorder, seed)),
  ),
);

export { afterStep };
