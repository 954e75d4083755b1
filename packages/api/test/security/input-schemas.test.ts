import type { AnyTRPCRouter } from "@trpc/server";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { adminRouter } from "../../src/admin";
import { customerRouter } from "../../src/customer";

/** Fields that hold better-auth user ids (text, not UUIDs), or (the audit's) an id of any kind of object. */
const userIdFields = new Set(["userId", "assigneeId", "staffId", "actorId", "objectId"]);

/** Longer than any text a procedure takes (the numbering CSV, 10 MB, is the longest). */
const huge = "1".repeat(20_000_001);

interface Leaf {
  path: string;
  key: string;
  schema: z.ZodType;
}

type Def = { type: string; [k: string]: unknown };
const defOf = (schema: z.ZodType) => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Every string leaf of an input schema with the path that leads to it. */
function stringLeaves(schema: z.ZodType, path: string, key: string, out: Leaf[]): void {
  const def = defOf(schema);
  switch (def.type) {
    case "string":
      out.push({ path, key, schema });
      return;
    case "object":
      for (const [k, v] of Object.entries(def.shape as Record<string, z.ZodType>)) {
        stringLeaves(v, `${path}.${k}`, k, out);
      }
      return;
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "nonoptional":
    case "readonly":
    case "catch":
      stringLeaves(def.innerType as z.ZodType, path, key, out);
      return;
    case "array":
      stringLeaves(def.element as z.ZodType, `${path}[]`, key, out);
      return;
    case "pipe":
      stringLeaves(def.in as z.ZodType, path, key, out);
      return;
    case "union":
      for (const option of def.options as z.ZodType[]) {
        stringLeaves(option, path, key, out);
      }
      return;
    case "record":
      stringLeaves(def.valueType as z.ZodType, `${path}{}`, key, out);
      return;
    default:
      return;
  }
}

function procedures(router: AnyTRPCRouter): [string, z.ZodType[]][] {
  const record = (router as unknown as { _def: { procedures: Record<string, { _def: { inputs: z.ZodType[] } }> } })._def
    .procedures;
  return Object.entries(record).map(([name, procedure]) => [name, procedure._def.inputs]);
}

function leavesOf(router: AnyTRPCRouter): Leaf[] {
  const leaves: Leaf[] = [];
  for (const [name, inputs] of procedures(router)) {
    for (const input of inputs) {
      stringLeaves(input, name, "", leaves);
    }
  }
  return leaves;
}

describe("every procedure's input schema (M6)", () => {
  for (const [portal, router] of [
    ["customer", customerRouter],
    ["admin", adminRouter],
  ] as const) {
    it(`${portal}: every text field refuses NUL, lone surrogates and unbounded length`, () => {
      const open = leavesOf(router)
        .filter(
          (leaf) =>
            leaf.schema.safeParse("a\u0000b").success ||
            leaf.schema.safeParse("a\uD800b").success ||
            leaf.schema.safeParse(huge).success,
        )
        .map((leaf) => leaf.path);
      expect(open).toEqual([]);
    });

    it(`${portal}: every id field is a UUID (user ids aside)`, () => {
      const loose = leavesOf(router)
        .filter((leaf) => /(^id|Id|Ids)$/.test(leaf.key) && !userIdFields.has(leaf.key))
        .filter((leaf) => leaf.schema.safeParse("not-a-uuid").success || leaf.schema.safeParse("1").success)
        .map((leaf) => leaf.path);
      expect(loose).toEqual([]);
    });
  }
});
