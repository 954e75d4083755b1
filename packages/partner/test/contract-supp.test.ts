import { checkSuppChange, SUPP_CHANGE_RULE } from "@portway/domain";
import { describe, expect, it } from "vitest";
import { type OrderChanges, orderChangesSchema, suppRequestSchema } from "../src/index";
import { sampleOrder } from "./fixtures";

/** One valid value of every field a CHANGE may carry, as the wire writes it. */
const oneOfEach: Required<OrderChanges> = {
  tns: ["2015550142"],
  btn: "2015550142",
  partialPort: false,
  replacementBtn: null,
  account: { accountNumber: "77312-0042", pin: null },
  serviceAddress: sampleOrder.serviceAddress,
  requestedFocAt: "2026-03-12T15:30:00.000Z",
  subscriber: { type: "BUSINESS", businessName: "Acme Plumbing" },
  authorizingPerson: "John Smith",
};

describe("what a CHANGE SUPP must carry is the domain's rule (issue 14, SUPP content)", () => {
  it("the partner refuses an empty CHANGE with the domain's code and message", () => {
    expect(checkSuppChange({})).toEqual(SUPP_CHANGE_RULE);
    const parsed = suppRequestSchema.safeParse({ type: "CHANGE", changes: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((issue) => issue.message)).toEqual([SUPP_CHANGE_RULE.message]);
    expect(orderChangesSchema.safeParse({ tns: undefined }).success).toBe(false);
    expect(checkSuppChange({ tns: undefined })).toEqual(SUPP_CHANGE_RULE);
  });

  it.each(Object.keys(oneOfEach))("a CHANGE of %s alone is enough for the domain and for the partner", (field) => {
    const changes = { [field]: oneOfEach[field as keyof OrderChanges] };
    expect(checkSuppChange(changes)).toBeNull();
    const parsed = suppRequestSchema.safeParse({ type: "CHANGE", changes });
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  });

  it("a null (a value cleared) is a change; an absent field is not", () => {
    expect(checkSuppChange({ replacementBtn: null })).toBeNull();
    expect(checkSuppChange({ replacementBtn: undefined, btn: undefined })).toEqual(SUPP_CHANGE_RULE);
  });
});
