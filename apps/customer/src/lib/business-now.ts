"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";

/**
 * Business "now" (the sandbox clock outside production) from the server's `me.get`, ticking locally from the moment
 * it was fetched: the browser's own clock is never trusted for FOC rules.
 */
export function useBusinessNow(tickMs = 1000): Date | null {
  const trpc = useTRPC();
  const me = useQuery({ ...trpc.me.get.queryOptions(), refetchInterval: 30_000 });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    setTick(1);
    const timer = setInterval(() => setTick((n) => n + 1), tickMs);
    return () => clearInterval(timer);
  }, [tickMs]);
  // Nothing before hydration: the server's render and the browser's first one must agree.
  if (!me.data || tick === 0) {
    return null;
  }
  return new Date(new Date(me.data.now).getTime() + (Date.now() - me.dataUpdatedAt));
}

/** "2 d 3 h 15 min" until a moment, or null once it has passed. */
export function formatCountdown(from: Date, to: Date): string | null {
  const ms = to.getTime() - from.getTime();
  if (ms <= 0) {
    return null;
  }
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  return [days > 0 ? `${days} d` : "", hours > 0 || days > 0 ? `${hours} h` : "", `${mins} min`]
    .filter(Boolean)
    .join(" ");
}
