"use client";

import { DataTable } from "@portway/ui";
import { writeTableState } from "@portway/ui/table-state";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useTRPC } from "@/trpc/react";
import { orderColumns } from "./orders-columns";
import { ordersQueryFromParams } from "./orders-query";

const noRows: never[] = [];

export function OrdersTable() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const { state, input } = ordersQueryFromParams(new URLSearchParams(params.toString()));
  const orders = useQuery({ ...trpc.orders.list.queryOptions(input), placeholderData: keepPreviousData });

  return (
    <DataTable
      label="Port-in orders"
      columns={orderColumns}
      rows={orders.data?.rows ?? noRows}
      total={orders.data?.total ?? 0}
      totalCapped={orders.data?.totalCapped ?? false}
      state={state}
      busy={orders.isFetching}
      getRowId={(row) => row.id}
      onStateChange={(next) =>
        router.replace(`${pathname}?${writeTableState(new URLSearchParams(params.toString()), next)}`)
      }
      emptyMessage="No port-in orders yet."
    />
  );
}
