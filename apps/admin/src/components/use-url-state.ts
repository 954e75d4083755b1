"use client";

import { type DataTableState, parseTableState, writeTableState } from "@portway/ui/table-state";
import { usePathname, useRouter, useSearchParams } from "next/navigation";

/** List state (table, filters) kept in the URL, so a queue view can be bookmarked and shared. */
export function useUrlTableState(defaults: DataTableState) {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const current = new URLSearchParams(params.toString());
  const state = parseTableState(current, defaults);
  const replace = (next: URLSearchParams) => router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  return {
    state,
    params: current,
    setState: (next: DataTableState) => replace(writeTableState(current, next)),
    setParam: (key: string, value: string | null) => {
      const next = new URLSearchParams(current);
      if (value === null || value === "") {
        next.delete(key);
      } else {
        next.set(key, value);
      }
      next.delete("page");
      replace(next);
    },
    /** Sets one parameter and keeps the page (e.g. the selected rows). */
    setKeepingPage: (key: string, value: string | null) => {
      const next = new URLSearchParams(current);
      if (value === null || value === "") {
        next.delete(key);
      } else {
        next.set(key, value);
      }
      replace(next);
    },
  };
}
