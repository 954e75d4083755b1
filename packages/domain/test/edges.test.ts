import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  applyChanges,
  checkExchange,
  createDraftOrder,
  describeConflict,
  parseInstant,
  requireInstant,
  toFieldIssues,
} from "../src/index";
import { draftOrder, run, step, TO_PENDING_FOC, USER } from "./lifecycle-helpers";

describe("edges", () => {
  it("creates an empty draft", () => {
    expect(createDraftOrder({ id: "x" })).toMatchObject({
      id: "x",
      version: 1,
      status: "DRAFT",
      lines: [],
      details: {},
    });
  });

  it("describes a conflict without history, and sorts history by version", () => {
    const order = run(draftOrder(), ...TO_PENDING_FOC);
    expect(describeConflict(order, 2).changes).toEqual([]);
    const entry = (version: number, field: string) => ({
      version,
      at: "2025-08-26T14:00:00Z",
      actor: USER,
      event: "EDIT" as const,
      from: "PENDING_FOC" as const,
      to: "PENDING_FOC" as const,
      reason: null,
      changes: [{ field, from: null, to: "x" }],
    });
    const conflict = describeConflict(order, 1, [entry(3, "b"), entry(1, "old"), entry(2, "a")]);
    expect(conflict.changes?.map((c) => c.field)).toEqual(["a", "b"]);
    expect(conflict.message).toContain("a (empty) -> x");
  });

  it("clears optional fields and sends null for them", () => {
    const partial = run(
      {
        ...draftOrder(),
        details: { ...draftOrder().details, partialPort: true, replacementBtn: "+17182340009", pin: undefined },
      },
      ...TO_PENDING_FOC,
    );
    const result = step(partial, { type: "EDIT", changes: { replacementBtn: null, accountNumber: "999" } });
    expect(result.ok && result.effects[1]).toMatchObject({
      changes: { replacementBtn: null, accountNumber: "999", pin: null },
    });
    expect(applyChanges(partial, { serviceAddress: { zip: "11201" } }).fields).toEqual([]);
  });

  it("refuses instants that Date.parse cannot read", () => {
    expect(parseInstant("2026-01-01T10:00:00+99:99")).toBeNull();
    expect(() => requireInstant("2026-01-01")).toThrow(RangeError);
    expect(requireInstant("1970-01-01T00:00:01Z")).toBe(1000);
  });

  it("checks exchanges from the tables", () => {
    expect(checkExchange(212, 555)).toBeNull();
    expect(checkExchange(212, 911)).toBe("NXX_N11");
    expect(checkExchange(911, 911)).toBe("NPA_N11");
  });

  it("tells too short from missing", () => {
    const schema = z.object({ code: z.string().min(3), list: z.array(z.string()).min(1), version: z.number().min(1) });
    const parsed = schema.safeParse({ code: "ab", list: [], version: 0 });
    expect(parsed.success ? [] : toFieldIssues(parsed.error).map((i) => `${i.field}:${i.code}`)).toEqual([
      "code:TOO_SHORT",
      "list:REQUIRED",
      "version:TOO_SMALL",
    ]);
  });
});
