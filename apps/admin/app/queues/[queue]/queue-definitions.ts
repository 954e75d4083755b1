/** The porting team's queues: URL segment, title, what is in it and how it sorts by default. */
export const queueDefinitions = {
  "project-ports": {
    title: "Project ports",
    explain: "Orders over the automated limit, worked by hand: record PON, FOC, rejections and activation.",
    defaultSort: "createdAt",
  },
  "short-notice": {
    title: "Short-notice SUPPs",
    explain:
      "Reschedules and cancels asked for within one business day of FOC. The order keeps its FOC until you record the LSP's answer.",
    defaultSort: "createdAt",
  },
  exceptions: {
    title: "Exceptions",
    explain: "Orders rejected by the partner or the losing carrier, waiting for a fix.",
    defaultSort: "updatedAt",
  },
  tickets: {
    title: "Open tickets",
    explain: "Customers asking the porting team about an order.",
    defaultSort: "updatedAt",
  },
  stuck: {
    title: "Stuck orders",
    explain: "Orders without progress for longer than their status is expected to take.",
    defaultSort: "lastProgressAt",
  },
  "failed-deliveries": {
    title: "Failed partner deliveries",
    explain:
      "Calls to the partner that failed on every retry. Retrying sends the original job again; partner calls are idempotent, so nothing is done twice.",
    defaultSort: "createdAt",
  },
} as const;

export type QueueName = keyof typeof queueDefinitions;

export function isQueueName(value: string): value is QueueName {
  return Object.hasOwn(queueDefinitions, value);
}
