import { describe, expect, it } from "vitest";
import { base64Input, idInput, requiredText, textInput, userIdInput } from "../src/index";

describe("the shared input schemas", () => {
  it("text: trimmed unless told not to, bounded, never NUL or a lone surrogate", () => {
    expect(textInput(10).parse("  ok  ")).toBe("ok");
    expect(textInput(10, "Notes", { trim: false }).parse(" half ")).toBe(" half ");
    expect(textInput(10).safeParse("a\u0000b").success).toBe(false);
    expect(textInput(10).safeParse("\uDC00").success).toBe(false);
    expect(requiredText(10, "Name").safeParse("   ").error?.issues[0]?.message).toBe("Name is required.");
  });

  it("ids: a UUID for stored rows, the sign-in library's characters for user ids", () => {
    expect(idInput().safeParse("00000000-0000-4000-8000-000000000001").success).toBe(true);
    expect(idInput("The order id").safeParse("o1").error?.issues[0]?.message).toBe("The order id must be a UUID.");
    expect(userIdInput().safeParse("user-00000000-0000-4000-8000-000000000001").success).toBe(true);
    expect(userIdInput().safeParse("demo-admin-acme").success).toBe(true);
    expect(userIdInput().safeParse("a b").success).toBe(false);
    expect(userIdInput().safeParse("").success).toBe(false);
    expect(userIdInput().safeParse("x".repeat(65)).success).toBe(false);
  });

  it("base64: only its alphabet, bounded", () => {
    expect(base64Input(16).safeParse("JVBERi0xLjQK\n").success).toBe(true);
    expect(base64Input(16).safeParse("not base64!").success).toBe(false);
    expect(base64Input(4).safeParse("AAAAAAAA").success).toBe(false);
  });
});
