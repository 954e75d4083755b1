import { describe, expect, it } from "vitest";
import { portRequestIssues } from "../src/index";

describe("port request of several LSP accounts", () => {
  it("refuses a number in two accounts, in any format, naming both", () => {
    const issues = portRequestIssues([{ tns: ["+16172530001", "+16172530002"] }, { tns: ["617-253-0002"] }]);
    expect(issues).toEqual([
      {
        field: "submissions.1.tns",
        code: "TN_IN_TWO_ACCOUNTS",
        message: "+16172530002: in account 1 and account 2; a number belongs to one LSP account.",
      },
    ]);
    expect(portRequestIssues([{ tns: ["+16172530001", "6172530001"] }, { tns: ["+16172530003"] }])).toEqual([]);
  });

  it("holds at most the configured TNs over all its accounts", () => {
    const accounts = [{ tns: ["+16172530001", "+16172530002"] }, { tns: ["+16172530003"] }];
    expect(portRequestIssues(accounts, { maxTnsPerPortRequest: 3 })).toEqual([]);
    expect(portRequestIssues(accounts, { maxTnsPerPortRequest: 2 })).toEqual([
      {
        field: "tns",
        code: "PORT_REQUEST_TOO_LARGE",
        message: "A port request holds at most 2 TNs; this one has 3.",
      },
    ]);
  });
});
