"use client";

import { formatEastern } from "@portway/ui";
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Is the partner (simulator) reachable, and when did each periodic job of the worker last run. */
export function SystemStatus() {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.system.status.queryOptions(), refetchInterval: 10_000 });
  if (!status.data) {
    return <p>Checking…</p>;
  }
  const { simulator, jobs } = status.data;
  return (
    <dl className="system-status">
      <dt>Carrier simulator</dt>
      <dd data-testid="simulator-status">
        <span className={`status-dot status-dot--${simulator.up ? "up" : "down"}`} aria-hidden="true" />
        {simulator.up ? `Up (${simulator.latencyMs} ms)` : `Down: ${simulator.reason}`}
      </dd>
      {jobs.length === 0 ? (
        <>
          <dt>Worker jobs</dt>
          <dd data-testid="job-status">No periodic job has run yet.</dd>
        </>
      ) : (
        jobs.map((job) => (
          <div key={job.name}>
            <dt>Job {job.name}</dt>
            <dd data-testid="job-status">
              Last run {formatEastern(job.lastRunAt)} ({job.secondsAgo} s ago, {job.runCount} runs)
            </dd>
          </div>
        ))
      )}
    </dl>
  );
}
