import { PartnerRequestError } from "@portway/partner";
import { dispatchOrder, jobNames, type PartnerContext, sendActivation, sendSupp } from "@portway/services";
import type PgBoss from "pg-boss";
import { z } from "zod";

const orderJob = z.object({ orderId: z.string().uuid(), outboxId: z.number().int() });
const suppJob = orderJob.extend({ suppId: z.string().uuid() });
const activateJob = orderJob.extend({ tns: z.array(z.string()) });

/** The partner said the activation is already done (an earlier attempt got through): nothing left to do. */
function alreadyActivated(error: unknown): boolean {
  return error instanceof PartnerRequestError && error.status === 409 && error.code === "INVALID_STATE";
}

/** Registers the partner job handlers; each job retries with backoff in the queue when it throws. */
export async function registerHandlers(boss: PgBoss, context: PartnerContext, options: { batchSize?: number } = {}) {
  const work = { batchSize: options.batchSize ?? 10, pollingIntervalSeconds: 0.5 };
  await boss.work<unknown>(jobNames.dispatchOrder, work, async (jobs) => {
    await Promise.all(jobs.map((job) => dispatchOrder(context, orderJob.parse(job.data).orderId)));
  });
  await boss.work<unknown>(jobNames.sendSupp, work, async (jobs) => {
    await Promise.all(jobs.map((job) => sendSupp(context, suppJob.parse(job.data).suppId)));
  });
  await boss.work<unknown>(jobNames.activate, work, async (jobs) => {
    await Promise.all(
      jobs.map(async (job) => {
        const data = activateJob.parse(job.data);
        try {
          await sendActivation(context, data.orderId, data.tns, String(data.outboxId));
        } catch (error) {
          if (!alreadyActivated(error)) {
            throw error;
          }
        }
      }),
    );
  });
}
