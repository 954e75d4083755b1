import { withLogContext } from "@portway/observability";
import { PartnerRequestError } from "@portway/partner";
import { dispatchOrders, jobNames, type PartnerContext, sendActivation, sendSupp } from "@portway/services";
import type PgBoss from "pg-boss";
import { z } from "zod";

const orderJob = z.object({ orderId: z.string().uuid(), outboxId: z.number().int() });
const suppJob = orderJob.extend({ suppId: z.string().uuid() });
const activateJob = orderJob.extend({ tns: z.array(z.string()) });

/** The partner said the activation is already done (an earlier attempt got through): nothing left to do. */
function alreadyActivated(error: unknown): boolean {
  return error instanceof PartnerRequestError && error.status === 409 && error.code === "INVALID_STATE";
}

/**
 * Runs a batch concurrently with each job on its own: a failing job is failed alone (the queue retries it with
 * backoff, then dead-letters it) and never takes the rest of its batch down with it.
 */
function eachJob(boss: PgBoss, name: string, run: (data: unknown) => Promise<unknown>) {
  return async (jobs: PgBoss.Job<unknown>[]) => {
    await Promise.all(
      jobs.map(async (job) => {
        try {
          await withLogContext({ jobId: job.id, job: name }, () => run(job.data));
        } catch (error) {
          await boss.fail(name, job.id, { message: error instanceof Error ? error.message : String(error) });
        }
      }),
    );
  };
}

/**
 * Dispatch jobs go to the services as one batch (bulk reads, concurrent creates); a job whose order failed is
 * failed alone and retried by the queue, the others complete.
 */
function dispatchBatch(boss: PgBoss, context: PartnerContext) {
  return async (jobs: PgBoss.Job<unknown>[]) => {
    const orderIdOf = new Map<string, string>();
    const failures: Array<{ id: string; message: string }> = [];
    for (const job of jobs) {
      const parsed = orderJob.safeParse(job.data);
      if (parsed.success) {
        orderIdOf.set(job.id, parsed.data.orderId);
      } else {
        failures.push({ id: job.id, message: `malformed job: ${parsed.error.message}` });
      }
    }
    const outcomes = await dispatchOrders(context, [...new Set(orderIdOf.values())]);
    for (const [jobId, orderId] of orderIdOf) {
      const outcome = outcomes.get(orderId);
      if (outcome && !outcome.ok) {
        failures.push({ id: jobId, message: outcome.error.message });
      }
    }
    await Promise.all(
      failures.map((failure) => boss.fail(jobNames.dispatchOrder, failure.id, { message: failure.message })),
    );
  };
}

/** Registers the partner job handlers. */
export async function registerHandlers(
  boss: PgBoss,
  context: PartnerContext,
  options: { batchSize?: number; dispatchLoops?: number; dispatchBatchSize?: number } = {},
) {
  const work = { batchSize: options.batchSize ?? 50, pollingIntervalSeconds: 0.5 };
  // Several dispatch loops side by side: while one waits for the partner's answers, another records its batch.
  for (let loop = 0; loop < (options.dispatchLoops ?? 8); loop++) {
    await boss.work<unknown>(
      jobNames.dispatchOrder,
      { ...work, batchSize: options.dispatchBatchSize ?? 40 },
      dispatchBatch(boss, context),
    );
  }
  await boss.work<unknown>(
    jobNames.sendSupp,
    work,
    eachJob(boss, jobNames.sendSupp, (data) => sendSupp(context, suppJob.parse(data).suppId)),
  );
  await boss.work<unknown>(
    jobNames.activate,
    work,
    eachJob(boss, jobNames.activate, async (data) => {
      const job = activateJob.parse(data);
      try {
        await sendActivation(context, job.orderId, job.tns, String(job.outboxId));
      } catch (error) {
        if (!alreadyActivated(error)) {
          throw error;
        }
      }
    }),
  );
}
