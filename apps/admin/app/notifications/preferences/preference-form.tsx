"use client";

import { NotificationPreferenceForm } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** How the signed-in user gets notification email. */
export function PreferenceForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.notifications.preference.queryOptions());
  const save = useMutation({
    ...trpc.notifications.setPreference.mutationOptions(),
    onSuccess: (data) => queryClient.setQueryData(trpc.notifications.preference.queryKey(), data),
  });
  return <NotificationPreferenceForm current={current.data} save={save} />;
}
