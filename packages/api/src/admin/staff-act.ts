import type { StaffAct } from "@portway/services";

/** Who of the porting team acts and when (the services' clock), for the audit log of administration. */
export function staffAct(ctx: { staff: { userId: string }; clock: { now(): Date } }): StaffAct {
  return { userId: ctx.staff.userId, at: ctx.clock.now() };
}
