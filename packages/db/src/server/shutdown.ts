import exitHook from "async-exit-hook";

/**
 * Runs `hook` before this process exits on SIGINT, SIGTERM or a normal exit. The embedded PostgreSQL registers its
 * own stop the same way, so both finish before the process ends.
 */
export function registerShutdownHook(hook: () => Promise<void>): void {
  exitHook((done) => {
    hook().then(done, done);
  });
}
