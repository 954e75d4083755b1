import { describe, expect, it } from "vitest";
import { ConfigError, developmentAuthSecret, readPortalEnv, readWorkerEnv } from "../src/index";

const base = { DATABASE_URL: "postgres://u:p@127.0.0.1:5432/portway" };

describe("portal configuration", () => {
  it("has working development defaults", () => {
    const env = readPortalEnv(base, "customer");
    expect(env).toMatchObject({
      production: false,
      authSecret: developmentAuthSecret,
      baseUrl: "http://localhost:3000",
      simulatorUrl: "http://127.0.0.1:3003",
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

  it("accepts a real secret in production", () => {
    const secret = "x".repeat(40);
    expect(readPortalEnv({ ...base, NODE_ENV: "production", PORTWAY_AUTH_SECRET: secret }, "admin").authSecret).toBe(
      secret,
    );
  });
});

describe("worker configuration", () => {
  it("reads ports and the simulator URL", () => {
    expect(readWorkerEnv({ ...base, WORKER_PORT: "4002", SIMULATOR_PORT: "4003" })).toMatchObject({
      port: 4002,
      simulatorUrl: "http://127.0.0.1:4003",
    });
    expect(() => readWorkerEnv({})).toThrow("DATABASE_URL is missing");
  });
});
