import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests receive webhooks on loopback receivers they start themselves.
    env: { WEBHOOK_ALLOW_LOOPBACK: "true" },
  },
});
