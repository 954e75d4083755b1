"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Sends a failed partner delivery again (through the outbox), then refreshes what is on screen. */
export function RetryDeliveryButton({ deadLetterId, label }: { deadLetterId: string; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const retry = useMutation(
    trpc.queues.retryDeadLetter.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  if (retry.isSuccess) {
    return <span role="status">Sent again (outbox #{retry.data.outboxId})</span>;
  }
  return (
    <span>
      <button
        type="button"
        onClick={() => retry.mutate({ deadLetterId })}
        disabled={retry.isPending}
        aria-label={label}
      >
        {retry.isPending ? "Retrying…" : "Retry"}
      </button>
      {retry.error ? (
        <span role="alert" className="form-error">
          {retry.error.message}
        </span>
      ) : null}
    </span>
  );
}
