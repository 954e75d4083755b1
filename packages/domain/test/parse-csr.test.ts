import { describe, expect, it } from "vitest";
import { parseCsr } from "../src/index";

/** A CSR exactly as the carrier simulator writes it (an account with one line more than the order ports). */
const SIMULATOR_CSR = [
  "CSR RESPONSE - LEVEL 3 COMMUNICATIONS TRAM GATEWAY",
  "LSP: VERIZON NEW JERSEY  SPID: 6214  TYPE: WIRELINE",
  "PULLED: 2026-03-09 10:05 ET",
  "ACCOUNT NUMBER: A-9931",
  "BTN: 201-555-7001",
  "ACCOUNT TYPE: BUS",
  "BILLING NAME: ACME PLUMBING",
  "SERVICE ADDRESS: 123 MAIN ST STE 4",
  "CITY/STATE/ZIP: NEWARK, NJ 07102",
  "AUTHORIZED CONTACT: JOHN SMITH",
  "WORKING TELEPHONE NUMBERS: 3",
  "  201-555-7001  BTN  1FB",
  "  201-555-7002       1FB  HNT",
  "  201-555-7003       1FB",
  "FEATURES: ESX HNT CREX",
  "PIC/LPIC: 0288/5123  PIC FREEZE: N",
  "PENDING ORDERS: NONE",
  "END OF CSR",
].join("\n");

describe("parseCsr reads the partner's CSR layout (issue 14, finding 2)", () => {
  it("reads name, service address, BTN, account number and every account TN of the simulator's text", () => {
    const csr = parseCsr(SIMULATOR_CSR);
    expect(csr).toEqual({
      name: "ACME PLUMBING",
      serviceAddress: {
        houseNumber: "123",
        street: "MAIN ST",
        unit: "STE 4",
        city: "NEWARK",
        state: "NJ",
        zip: "07102",
      },
      btn: "+12015557001",
      accountNumber: "A-9931",
      tns: ["+12015557001", "+12015557002", "+12015557003"],
      unparsed: [
        "CSR RESPONSE - LEVEL 3 COMMUNICATIONS TRAM GATEWAY",
        "LSP: VERIZON NEW JERSEY  SPID: 6214  TYPE: WIRELINE",
        "PULLED: 2026-03-09 10:05 ET",
        "ACCOUNT TYPE: BUS",
        "AUTHORIZED CONTACT: JOHN SMITH",
        "FEATURES: ESX HNT CREX",
        "PIC/LPIC: 0288/5123  PIC FREEZE: N",
        "PENDING ORDERS: NONE",
        "END OF CSR",
      ],
    });
  });

  it("an account number of NONE ON FILE is none", () => {
    expect(parseCsr("ACCOUNT NUMBER: NONE ON FILE").accountNumber).toBeNull();
    expect(parseCsr("ACCOUNT NUMBER: N/A").accountNumber).toBeNull();
  });

  it("a CITY/STATE/ZIP line it cannot split keeps the city as written", () => {
    expect(parseCsr("CITY/STATE/ZIP: SPRINGFIELD").serviceAddress).toEqual({ city: "SPRINGFIELD" });
    expect(parseCsr("City/St/Zip: Jersey City NJ 07302-1234").serviceAddress).toEqual({
      city: "Jersey City",
      state: "NJ",
      zip: "07302-1234",
    });
  });

  it("the TN list ends at the first line that does not start with a TN", () => {
    const csr = parseCsr("WORKING TELEPHONE NUMBERS: 2\n  201-555-7001  BTN\nREMARKS FOLLOW\n  201-555-7002  1FB");
    expect(csr.tns).toEqual(["+12015557001"]);
    expect(csr.unparsed).toEqual(["REMARKS FOLLOW", "201-555-7002  1FB"]);
  });
});
