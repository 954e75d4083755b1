import { createDb, type DbHandle } from "@portway/db";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { fixedClock } from "../src/clock";
import { generateDraftLoa, renderLoaPdf, saveDraft, seedDemoData, seedNumberingData } from "../src/index";
import { demoCustomer, mondayMorning, tnRange } from "./order-fixtures";
import { pdfPageTexts } from "./pdf-text";

let handle: DbHandle;
let acme: Awaited<ReturnType<typeof demoCustomer>>;
const clock = fixedClock(mondayMorning);

beforeAll(async () => {
  handle = createDb(inject("databaseUrl"));
  await seedDemoData(handle.db, { production: false });
  await seedNumberingData(handle.db);
  acme = await demoCustomer(handle.db, "acme-voice");
});
afterAll(async () => {
  await handle.close();
});

const name = "Zoë Müller-Łukasik";

describe("the generated LOA", () => {
  it("prints every character of the names, and the order's fields, as a PDF reader extracts them", async () => {
    const tns = tnRange("617253", 7100, 3);
    const draft = await saveDraft(handle.db, clock, acme, {
      data: {
        tns,
        btn: tns[0],
        partialPort: false,
        subscriber: { type: "RESIDENTIAL", firstName: "Zoë", lastName: "Müller-Łukasik" },
        accountNumber: "ACCT-Ø-42",
        serviceAddress: { houseNumber: "7", street: "Rue Émile-Zola", city: "Boston", state: "MA", zip: "02110" },
        loaAuthorizingPerson: name,
        customerOrderRef: "LOA-UNICODE-1",
      },
    });
    const file = await generateDraftLoa(handle.db, { accountId: acme.accountId, draftId: draft.id, now: clock.now() });
    expect(file.mediaType).toBe("application/pdf");
    expect(file.fileName).toBe("LOA-LOA-UNICODE-1.pdf");
    const [page] = await pdfPageTexts(Buffer.from(file.contentBase64, "base64"));
    expect(page).toContain(name);
    expect(page).toContain("7 Rue Émile-Zola");
    expect(page).toContain("Boston, MA 02110");
    expect(page).toContain("ACCT-Ø-42");
    expect(page).toContain("(617) 253-7100");
    expect(page).toContain("(617) 253-7102");
    expect(page).toContain("2026-12-07");
    expect(page).toMatch(/Losing carrier:\s+\S/);
  });

  it("lists 1,000 TNs on continuation pages, each TN once", async () => {
    const tns = Array.from({ length: 1000 }, (_, i) => `(617) 253-${String(i).padStart(4, "0")}`);
    const pdf = await renderLoaPdf({
      reference: "BIG-1",
      endUser: name,
      serviceAddress: { line1: "7 Main St", line2: "Boston, MA 02110" },
      btn: "(617) 253-9999",
      accountNumber: null,
      partialPort: false,
      tns,
      losingCarriers: ["Bay State Telephone"],
      authorizingPerson: name,
      authorizingTitle: "Directrice générale",
      preparedOn: "2026-12-07",
    });
    const pages = await pdfPageTexts(pdf);
    expect(pages.length).toBeGreaterThan(2);
    expect(pages[0]).toContain("Directrice générale");
    expect(pages[1]).toContain("Telephone numbers (continued)");
    const all = pages.join(" ");
    for (const tn of [tns[0], tns[47], tns[48], tns[500], tns[999]]) {
      expect(all.split(tn ?? "").length - 1, tn).toBe(1);
    }
    expect(pages.at(-1)).toContain(`page ${pages.length} of ${pages.length}`);
  });
});
