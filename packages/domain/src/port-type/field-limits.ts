/**
 * The partner's field length limits (Level 3/Lumen-like LSR limits), keyed by the order's field paths. The one
 * table: Portway's validation names the limit in its errors, the partner's wire schema enforces the same values.
 */
export const PARTNER_FIELD_LIMITS = {
  "subscriber.businessName": 25,
  "subscriber.firstName": 25,
  "subscriber.lastName": 25,
  accountNumber: 30,
  pin: 10,
  "serviceAddress.houseNumber": 10,
  "serviceAddress.street": 60,
  "serviceAddress.unit": 20,
  "serviceAddress.city": 32,
  loaAuthorizingPerson: 50,
} as const satisfies Readonly<Record<string, number>>;

export type PartnerLimitedField = keyof typeof PARTNER_FIELD_LIMITS;
