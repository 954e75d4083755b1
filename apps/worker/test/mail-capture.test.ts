import net from "node:net";
import { createDb } from "@portway/db";
import { fixedClock } from "@portway/services";
import { afterAll, describe, expect, inject, it } from "vitest";
import { startMailCapture } from "../src/notifications";

const handle = createDb(inject("databaseUrl"), { max: 2 });
afterAll(() => handle.close());

/**
 * Opens an SMTP connection, starts a mail transaction, then resets the connection (an RST, as a crashed client
 * leaves): inside a transaction the SMTP server reports that as an 'error' event.
 */
async function resetMidTransaction(port: number) {
  const socket = net.connect(port, "127.0.0.1");
  let received = "";
  const waitFor = (pattern: RegExp) =>
    new Promise<void>((resolve) => {
      const check = () => {
        if (pattern.test(received)) {
          socket.off("data", onData);
          resolve();
        }
      };
      const onData = (chunk: Buffer) => {
        received += chunk.toString();
        check();
      };
      socket.on("data", onData);
      check();
    });
  await waitFor(/^220 /m);
  socket.write("EHLO client.test\r\n");
  await waitFor(/^250 /m);
  received = "";
  socket.write("MAIL FROM:<sender@client.test>\r\n");
  await waitFor(/^250 /m);
  socket.resetAndDestroy();
  await new Promise((resolve) => socket.once("close", resolve));
}

describe("the local mail capture", () => {
  it("survives clients that reset their connections mid-transaction, one after another, and keeps accepting mail", async () => {
    const lines: string[] = [];
    const capture = await startMailCapture(handle.db, fixedClock(new Date("2026-12-07T15:00:00Z")), (line) =>
      lines.push(line),
    );
    try {
      const port = Number(new URL(capture.url).port);
      for (let i = 0; i < 3; i++) {
        await resetMidTransaction(port);
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(lines.filter((line) => line.startsWith("mail capture:")).length).toBeGreaterThanOrEqual(2);
      // Still listening: a new client gets the greeting.
      const socket = net.connect(port, "127.0.0.1");
      const greeting = await new Promise<string>((resolve) =>
        socket.once("data", (chunk) => resolve(chunk.toString())),
      );
      expect(greeting).toMatch(/^220 /);
      socket.destroy();
    } finally {
      await capture.stop();
    }
  });
});
