import {
  getStaffOrderFilterChoices,
  listStaffOrders,
  searchEverything,
  searchInput,
  staffOrderListInput,
} from "@portway/services";
import { router, staffProcedure } from "../trpc";

/** Search every order and every account: the header's box and the orders page. */
export const adminSearchRouter = router({
  find: staffProcedure.input(searchInput).query(({ ctx, input }) => searchEverything(ctx.db, input)),
  orders: staffProcedure.input(staffOrderListInput).query(({ ctx, input }) => listStaffOrders(ctx.db, input)),
  filterChoices: staffProcedure.query(({ ctx }) => getStaffOrderFilterChoices(ctx.db)),
});
