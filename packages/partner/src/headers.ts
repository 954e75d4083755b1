/** Header names of the partner protocol (lower case, as node:http presents them). */
export const partnerHeaders = {
  /** On every mutating request; the same value on every retry of one logical request. */
  idempotencyKey: "idempotency-key",
  /** Set by the partner when it answers from a stored result ("true"). */
  idempotentReplayed: "idempotent-replayed",
  /** Callbacks: unix time in seconds when the partner signed the delivery. */
  timestamp: "x-partner-timestamp",
  /** Callbacks: `sha256=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`. */
  signature: "x-partner-signature",
  /** Callbacks: the event ID, also in the body, so a receiver can log it before parsing. */
  eventId: "x-partner-event-id",
} as const;
