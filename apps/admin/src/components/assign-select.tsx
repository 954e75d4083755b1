"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/trpc/react";

/** Assigns a piece of work to a member of the porting team (or nobody), at once. */
export function AssignSelect(props: {
  target: "order" | "manualRequest" | "ticket";
  id: string;
  assignedTo: string | null;
  /** What is being assigned, for the control's accessible name. */
  label: string;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const staff = useQuery(trpc.queues.staff.queryOptions());
  const assign = useMutation(
    trpc.orders.assign.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries(),
    }),
  );
  return (
    <span className="assign">
      <select
        aria-label={`Assign ${props.label}`}
        value={props.assignedTo ?? ""}
        disabled={assign.isPending}
        onChange={(event) =>
          assign.mutate({
            target: props.target,
            id: props.id,
            staffId: event.target.value === "" ? null : event.target.value,
          })
        }
      >
        <option value="">Unassigned</option>
        {(staff.data ?? []).map((member) => (
          <option key={member.id} value={member.id}>
            {member.name} ({member.role})
          </option>
        ))}
      </select>
      {assign.error ? (
        <span role="alert" className="form-error">
          {assign.error.message}
        </span>
      ) : null}
    </span>
  );
}
