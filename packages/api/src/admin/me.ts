import { router, staffProcedure } from "../trpc";

export const adminMeRouter = router({
  get: staffProcedure.query(({ ctx }) => ({
    name: ctx.staff.name,
    email: ctx.staff.email,
    role: ctx.staff.role,
    /** Business time (the sandbox clock outside production). */
    now: ctx.clock.now(),
  })),
});
