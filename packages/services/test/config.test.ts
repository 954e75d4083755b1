import { describe, expect, it } from "vitest";
import { ConfigError, developmentAuthSecret, isProduction, readPortalEnv, readWorkerEnv } from "../src/index";

const base = { DATABASE_URL: "postgres://u:p@127.0.0.1:5432/portway" };

describe("portal configuration", () => {
  it("has working development defaults", () => {
    const env = readPortalEnv(base, "customer");
    expect(env).toMatchObject({
      production: false,
      authSecret: developmentAuthSecret,
      baseUrl: "http://localhost:3000",
      partnerUrl: "http://127.0.0.1:3003",
    });
    expect(readPortalEnv({ ...base, ADMIN_PORT: "4001" }, "admin").baseUrl).toBe("http://localhost:4001");
  });

  it.each([
    [{ NODE_ENV: "production" }, "PORTWAY_AUTH_SECRET is missing"],
    [{ PORTWAY_AUTH_SECRET: "short" }, "PORTWAY_AUTH_SECRET is too short"],
    [{ CUSTOMER_PORT: "70000" }, 'CUSTOMER_PORT="70000" is not a port number'],
    [{ CUSTOMER_URL: "not a url" }, 'CUSTOMER_URL="not a url" is not a valid URL'],
    [{ DATABASE_URL: "" }, "DATABASE_URL is missing"],
  ])("refuses %o with one line naming the setting", (override, message) => {
    const read = () => readPortalEnv({ ...base, ...override }, "customer");
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  const secret = "x".repeat(40);
  const production = {
    NODE_ENV: "production",
    PORTWAY_AUTH_SECRET: secret,
    ADMIN_URL: "https://admin.example.com",
    CUSTOMER_URL: "https://portal.example.com",
    PARTNER_URL: "https://partner.example.com/api",
  };

  it("accepts a complete production configuration", () => {
    expect(readPortalEnv({ ...base, ...production }, "admin")).toMatchObject({
      authSecret: secret,
      baseUrl: "https://admin.example.com",
      partnerUrl: "https://partner.example.com/api",
    });
  });

  it.each([
    [{ PARTNER_URL: undefined }, "PARTNER_URL is missing: production needs the porting partner's API URL"],
    [{ CUSTOMER_URL: undefined }, "CUSTOMER_URL is missing: production needs the portal's public https URL"],
    [{ CUSTOMER_URL: "http://portal.example.com" }, 'CUSTOMER_URL="http://portal.example.com" must be an https URL'],
  ])("in production refuses %o with one line naming the variable", (override, message) => {
    const read = () => readPortalEnv({ ...base, ...production, ...override }, "customer");
    expect(read).toThrow(ConfigError);
    expect(read).toThrow(message);
  });

  it("outside production takes the partner from SIMULATOR_URL when PARTNER_URL is unset", () => {
    expect(readPortalEnv({ ...base, SIMULATOR_URL: "http://127.0.0.1:4103" }, "customer").partnerUrl).toBe(
      "http://127.0.0.1:4103",
    );
  });
});

describe("the mode Portway runs in", () => {
  it("is PORTWAY_ENV when set (next start forces NODE_ENV=production in the portals), else NODE_ENV", () => {
    expect(isProduction({ NODE_ENV: "production", PORTWAY_ENV: "development" })).toBe(false);
    expect(isProduction({ NODE_ENV: "development", PORTWAY_ENV: "production" })).toBe(true);
    expect(isProduction({ NODE_ENV: "production" })).toBe(true);
    expect(isProduction({})).toBe(false);
    expect(() => isProduction({ PORTWAY_ENV: "prod" })).toThrow('PORTWAY_ENV="prod" is not a mode');
  });
});

describe("worker configuration", () => {
  it("reads ports and the simulator URL", () => {
    expect(readWorkerEnv({ ...base, WORKER_PORT: "4002", SIMULATOR_PORT: "4003" })).toMatchObject({
      port: 4002,
      partnerUrl: "http://127.0.0.1:4003",
      simulatorUrl: "http://127.0.0.1:4003",
    });
    expect(() => readWorkerEnv({})).toThrow("DATABASE_URL is missing");
  });

  it("in production needs the real partner and its signing secret, and has no simulator", () => {
    const production = { ...base, NODE_ENV: "production", PARTNER_CALLBACK_SECRET: "s".repeat(40) };
    expect(() => readWorkerEnv(production)).toThrow("PARTNER_URL is missing");
    expect(() =>
      readWorkerEnv({ ...production, PARTNER_URL: "https://partner.example.com", PARTNER_CALLBACK_SECRET: "" }),
    ).toThrow("PARTNER_CALLBACK_SECRET is missing");
    expect(readWorkerEnv({ ...production, PARTNER_URL: "https://partner.example.com" })).toMatchObject({
      partnerUrl: "https://partner.example.com",
      simulatorUrl: null,
    });
  });
});
