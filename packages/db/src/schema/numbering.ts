import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const carrierTypes = ["WIRELINE", "WIRELESS", "VOIP"] as const;
export type CarrierTypeValue = (typeof carrierTypes)[number];

/** Losing carriers with their porting rules. */
export const carriers = pgTable(
  "carriers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    spid: text("spid").notNull().unique(),
    type: text("type").$type<CarrierTypeValue>().notNull(),
    requiresAccountNumber: boolean("requires_account_number").notNull().default(false),
    requiresPin: boolean("requires_pin").notNull().default(false),
    minBusinessDays: integer("min_business_days").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("carriers_type", sql`${t.type} in ('WIRELINE', 'WIRELESS', 'VOIP')`),
    check("carriers_spid", sql`${t.spid} ~ '^[0-9A-Z]{4}$'`),
    check("carriers_min_days", sql`${t.minBusinessDays} between 0 and 30`),
  ],
);

/** Rate centers, with who serves them: ourselves (on-net) and/or the porting partner. */
export const rateCenters = pgTable(
  "rate_centers",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    state: text("state").notNull(),
    lata: text("lata").notNull(),
    onNet: boolean("on_net").notNull().default(false),
    partnerSupported: boolean("partner_supported").notNull().default(false),
  },
  (t) => [uniqueIndex("rate_centers_name_state_uq").on(t.name, t.state)],
);

/** The numbering plan: one row per NPA-NXX block. */
export const numberBlocks = pgTable(
  "number_blocks",
  {
    npa: text("npa").notNull(),
    nxx: text("nxx").notNull(),
    rateCenterId: uuid("rate_center_id")
      .notNull()
      .references(() => rateCenters.id),
    state: text("state").notNull(),
    lata: text("lata").notNull(),
    timeZone: text("time_zone").notNull(),
    carrierId: uuid("carrier_id")
      .notNull()
      .references(() => carriers.id),
  },
  (t) => [
    primaryKey({ columns: [t.npa, t.nxx], name: "number_blocks_pk" }),
    index("number_blocks_carrier_idx").on(t.carrierId),
    index("number_blocks_rate_center_idx").on(t.rateCenterId),
    check("number_blocks_npa", sql`${t.npa} ~ '^[2-9][0-9]{2}$'`),
    check("number_blocks_nxx", sql`${t.nxx} ~ '^[2-9][0-9]{2}$'`),
  ],
);

/** Porting holidays added by leads: company-wide (no carrier) or for one carrier. */
export const holidays = pgTable(
  "holidays",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    date: date("date", { mode: "string" }).notNull(),
    name: text("name").notNull(),
    carrierId: uuid("carrier_id").references(() => carriers.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("holidays_company_date_uq").on(t.date).where(sql`${t.carrierId} is null`),
    uniqueIndex("holidays_carrier_date_uq").on(t.carrierId, t.date).where(sql`${t.carrierId} is not null`),
  ],
);

export type Carrier = typeof carriers.$inferSelect;
export type RateCenter = typeof rateCenters.$inferSelect;
export type NumberBlock = typeof numberBlocks.$inferSelect;
export type Holiday = typeof holidays.$inferSelect;
