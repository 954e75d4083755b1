"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Sends a failed partner delivery again (through the outbox), then refreshes what is on screen. */
export function RetryDeliveryButton({ deadLetterId, label }: { deadLetterId: string; label: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const deadLetters = trpc.queues.deadLetters.pathKey();
  // Everything else refreshes at once; the list keeps this row (saying it was sent again) until its next refresh.
  const retry = useMutation(
    trpc.queues.retryDeadLetter.mutationOptions({
      onSuccess: () =>
        queryClient.invalidateQueries({
          predicate: (query) => JSON.stringify(query.queryKey[0]) !== JSON.stringify(deadLetters[0]),
        }),
    }),
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
