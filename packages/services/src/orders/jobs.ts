/** The jobs an order change causes, written to the outbox in the same transaction. */
export const jobNames = {
  dispatchOrder: "partner.dispatch-order",
  sendSupp: "partner.send-supp",
  activate: "partner.activate",
} as const;

export const outboxJobs = {
  dispatchOrder: (orderId: string) => ({ job: jobNames.dispatchOrder, payload: { orderId }, orderKey: orderId }),
  sendSupp: (orderId: string, suppId: string) => ({
    job: jobNames.sendSupp,
    payload: { orderId, suppId },
    orderKey: orderId,
  }),
  activate: (orderId: string, tns: string[]) => ({
    job: jobNames.activate,
    payload: { orderId, tns },
    orderKey: orderId,
  }),
};
