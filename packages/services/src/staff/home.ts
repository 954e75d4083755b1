import {
  countAssignedOrders,
  type DbOrTx,
  figureDeadLetters,
  figureManualQueue,
  figureOrderQueue,
  figureTicketQueue,
  findActivationsDue,
  findFocsDue,
  type QueueFigure,
} from "@portway/db";
import { addDays, EXPECTED_HOURS_IN_STATUS, easternDate, easternToInstant } from "@portway/domain";
import type { Clock } from "../clock";
import { queueKinds } from "./queues";

const HOUR = 3_600_000;

/**
 * How long an item may wait in each queue before the desk counts it as late: the porting team's own service levels.
 * Exceptions and stuck orders use the domain's expected time in status (a stuck order is late by definition).
 */
export const queueTargetHours = {
  "project-ports": 48,
  "short-notice": 4,
  exceptions: EXPECTED_HOURS_IN_STATUS.EXCEPTION ?? 120,
  tickets: 24,
  stuck: 0,
  "failed-deliveries": 1,
} as const;
export type HomeQueue = keyof typeof queueTargetHours;

const queueTitles: Record<HomeQueue, string> = {
  "project-ports": "Project ports",
  "short-notice": "Short notice",
  exceptions: "Exceptions",
  tickets: "Tickets",
  stuck: "Stuck",
  "failed-deliveries": "Failed deliveries",
};

/** How many items of the day's lists the home shows; the figure links to the whole list. */
const DUE_ROWS = 10;

function present(queue: HomeQueue, figure: QueueFigure, now: Date) {
  return {
    queue,
    title: queueTitles[queue],
    count: figure.count,
    oldestAgeHours: figure.oldest ? Math.max(0, Math.floor((now.getTime() - figure.oldest.getTime()) / HOUR)) : null,
    past: figure.past,
    targetHours: queueTargetHours[queue],
  };
}

/** The ET day of `now` as [start, end) instants and its date. */
export function easternDayOf(now: Date) {
  const date = easternDate(now.toISOString()) ?? now.toISOString().slice(0, 10);
  return {
    date,
    start: new Date(easternToInstant(date, "00:00") ?? now.toISOString()),
    end: new Date(easternToInstant(addDays(date, 1), "00:00") ?? now.toISOString()),
  };
}

/**
 * The day's work of one member of the porting team, at the services' clock: each queue with its count, the oldest
 * item's age and how many are late; FOCs and activations due today (ET) with those a SUPP holds; their own items.
 */
export async function getStaffHome(db: DbOrTx, clock: Clock, staffId: string) {
  const now = clock.now();
  const cut = (queue: HomeQueue) => new Date(now.getTime() - queueTargetHours[queue] * HOUR);
  const today = easternDayOf(now);
  const [project, shortNotice, exceptions, tickets, stuck, failed] = await Promise.all([
    figureManualQueue(db, [...queueKinds.projectPorts], cut("project-ports")),
    figureManualQueue(db, [...queueKinds.shortNotice], cut("short-notice")),
    figureOrderQueue(db, { status: "EXCEPTION" }, cut("exceptions")),
    figureTicketQueue(db, cut("tickets")),
    figureOrderQueue(db, { stuck: true }, new Date(now.getTime() + 1)),
    figureDeadLetters(db, cut("failed-deliveries")),
  ]);
  const [focs, activations] = await Promise.all([
    findFocsDue(db, today.start, today.end, DUE_ROWS),
    findActivationsDue(db, today.start, today.end, DUE_ROWS),
  ]);
  const [myProject, myShort, myExceptions, myTickets, myStuck, myOrders] = await Promise.all([
    figureManualQueue(db, [...queueKinds.projectPorts], cut("project-ports"), staffId),
    figureManualQueue(db, [...queueKinds.shortNotice], cut("short-notice"), staffId),
    figureOrderQueue(db, { status: "EXCEPTION" }, cut("exceptions"), staffId),
    figureTicketQueue(db, cut("tickets"), staffId),
    figureOrderQueue(db, { stuck: true }, new Date(now.getTime() + 1), staffId),
    countAssignedOrders(db, staffId),
  ]);
  return {
    now,
    today: { date: today.date, start: today.start, end: today.end },
    queues: [
      present("project-ports", project, now),
      present("short-notice", shortNotice, now),
      present("exceptions", exceptions, now),
      present("tickets", tickets, now),
      present("stuck", stuck, now),
      present("failed-deliveries", failed, now),
    ],
    focsDue: focs,
    activationsDue: activations,
    mine: {
      orders: myOrders,
      queues: [
        present("project-ports", myProject, now),
        present("short-notice", myShort, now),
        present("exceptions", myExceptions, now),
        present("tickets", myTickets, now),
        present("stuck", myStuck, now),
      ],
    },
  };
}
