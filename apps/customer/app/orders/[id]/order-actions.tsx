"use client";

import { cancelRequestSchema, editableFields, focRequestSchema, toFieldIssues } from "@portway/domain";
import { FocPicker } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Field, FormErrors } from "@/components/field";
import { errorsByField, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";
import { OrderEditForm } from "./order-edit-form";
import type { OrderAction, OrderDetail } from "./order-types";

const actionLabels: Record<OrderAction["action"], string> = {
  EDIT: "Edit order",
  RESCHEDULE: "Reschedule",
  CANCEL: "Cancel order",
  ACTIVATE: "Activate now",
  RESUBMIT: "Resubmit unchanged",
};

function useRefresh(orderId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.orders.get.queryKey({ orderId }) });
}

function RescheduleForm({
  detail,
  manual,
  onDone,
}: {
  detail: OrderDetail;
  manual: boolean;
  onDone: (m: string) => void;
}) {
  const trpc = useTRPC();
  const refresh = useRefresh(detail.order.id);
  const options = useQuery(trpc.foc.forOrder.queryOptions({ orderId: detail.order.id }));
  const [value, setValue] = useState({ date: "", time: "" });
  const [local, setLocal] = useState<string[]>([]);
  const reschedule = useMutation(trpc.orders.reschedule.mutationOptions());
  const server = reschedule.error ? errorsByField(reschedule.error) : {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { orderId: detail.order.id, baseVersion: detail.order.version, ...value };
    const parsed = focRequestSchema.safeParse(input);
    if (!value.date || !value.time || !parsed.success) {
      setLocal(
        !value.date
          ? ["Choose an FOC date."]
          : !value.time
            ? ["Choose an FOC time."]
            : parsed.success
              ? []
              : toFieldIssues(parsed.error).map((i) => i.message),
      );
      return;
    }
    setLocal([]);
    try {
      await reschedule.mutateAsync(input);
      await refresh();
      onDone(
        manual
          ? "Reschedule requested at short notice: it waits for the porting team."
          : "Reschedule sent to the losing carrier; the new FOC shows once it accepts.",
      );
    } catch {
      // Shown below.
    }
  };
  return (
    <form className="edit-form" onSubmit={submit} noValidate aria-label="Reschedule">
      <h3>Reschedule the FOC</h3>
      {manual ? (
        <p className="banner banner--warn">
          This is inside one business day of the FOC: the request goes to the porting team, who ask the losing carrier
          by hand. The current FOC stays until they record the answer.
        </p>
      ) : (
        <p className="muted">After FOC only the date can change (a reschedule, SUPP 2); at most 3 changes after FOC.</p>
      )}
      <FocPicker
        options={options.data}
        date={value.date}
        time={value.time}
        onChange={setValue}
        errors={[
          ...local,
          ...messagesFor(server, "date"),
          ...messagesFor(server, "requestedFoc"),
          ...messagesFor(server, "time"),
        ]}
      />
      <FormErrors messages={server._form ?? []} />
      <button type="submit" disabled={reschedule.isPending}>
        {reschedule.isPending ? "Sending…" : "Request this FOC"}
      </button>
    </form>
  );
}

function CancelForm({ detail, manual, onDone }: { detail: OrderDetail; manual: boolean; onDone: (m: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh(detail.order.id);
  const [reason, setReason] = useState("");
  const [local, setLocal] = useState<string[]>([]);
  const cancel = useMutation(trpc.orders.cancel.mutationOptions());
  const server = cancel.error ? errorsByField(cancel.error) : {};
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const input = { orderId: detail.order.id, baseVersion: detail.order.version, ...(reason.trim() ? { reason } : {}) };
    const parsed = cancelRequestSchema.safeParse(input);
    if (!parsed.success) {
      setLocal(toFieldIssues(parsed.error).map((i) => i.message));
      return;
    }
    setLocal([]);
    try {
      await cancel.mutateAsync(input);
      await refresh();
      onDone(
        manual
          ? "Cancel requested at short notice: it waits for the porting team."
          : "Cancel sent to the losing carrier; the order closes once it confirms.",
      );
    } catch {
      // Shown below.
    }
  };
  return (
    <form className="edit-form" onSubmit={submit} noValidate aria-label="Cancel the order">
      <h3>Cancel the order</h3>
      <p className="muted">
        {manual
          ? "This is inside one business day of the FOC: the cancel goes to the porting team, who ask the losing carrier by hand."
          : "A cancel (SUPP 1) goes to the losing carrier; the numbers stay where they are."}
      </p>
      <Field label="Reason (optional)" errors={[...local, ...messagesFor(server, "reason")]}>
        {(ids) => (
          <textarea
            id={ids.id}
            aria-describedby={ids.describedBy}
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
        )}
      </Field>
      <FormErrors messages={server._form ?? []} />
      <button type="submit" disabled={cancel.isPending}>
        {cancel.isPending ? "Sending…" : "Confirm cancel"}
      </button>
    </form>
  );
}

function ConfirmForm(props: { detail: OrderDetail; kind: "ACTIVATE" | "RESUBMIT"; onDone: (m: string) => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh(props.detail.order.id);
  const activate = useMutation(trpc.orders.activate.mutationOptions());
  const resubmit = useMutation(trpc.orders.resubmit.mutationOptions());
  const mutation = props.kind === "ACTIVATE" ? activate : resubmit;
  const server = mutation.error ? Object.values(errorsByField(mutation.error)).flat() : [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await mutation.mutateAsync({ orderId: props.detail.order.id, baseVersion: props.detail.order.version });
      await refresh();
      props.onDone(props.kind === "ACTIVATE" ? "Activation sent." : "Resubmitted to the losing carrier.");
    } catch {
      // Shown below.
    }
  };
  return (
    <form className="edit-form" onSubmit={submit} aria-label={actionLabels[props.kind]}>
      <p>
        {props.kind === "ACTIVATE"
          ? "Activate every pending number now: calls start to ring with us within minutes."
          : "Send the order to the losing carrier again as it is (when the end user cleared the problem with them)."}
      </p>
      <FormErrors messages={server} />
      <button type="submit" disabled={mutation.isPending}>
        {props.kind === "ACTIVATE" ? "Confirm activation" : "Confirm resubmit"}
      </button>
    </form>
  );
}

/** Every customer action: allowed ones open their form; the others stay visible, disabled, with the domain's reason. */
export function OrderActions({ detail }: { detail: OrderDetail }) {
  const [open, setOpen] = useState<OrderAction["action"] | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (text: string) => {
    setOpen(null);
    setMessage(text);
  };
  const actionOf = (a: OrderAction["action"]) => detail.actions.find((x) => x.action === a);
  return (
    <section className="card" aria-labelledby="order-actions">
      <h2 id="order-actions">Actions</h2>
      <ul className="actions-list">
        {detail.actions.map((action) => {
          const reasonId = `action-${action.action}-reason`;
          return (
            <li key={action.action}>
              <button
                type="button"
                className={open === action.action ? "" : "button--quiet"}
                disabled={!action.allowed}
                aria-expanded={action.allowed ? open === action.action : undefined}
                aria-describedby={action.allowed && !action.manual ? undefined : reasonId}
                onClick={() => {
                  setMessage(null);
                  setOpen(open === action.action ? null : action.action);
                }}
              >
                {actionLabels[action.action]}
              </button>
              {!action.allowed ? (
                <span id={reasonId} className="action-reason">
                  {action.reason}
                </span>
              ) : action.manual ? (
                <span id={reasonId} className="action-reason">
                  Short notice: goes to the porting team.
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      {message ? (
        <p className="banner banner--good" role="status">
          {message}
        </p>
      ) : null}
      {open === "RESCHEDULE" ? (
        <RescheduleForm detail={detail} manual={actionOf("RESCHEDULE")?.manual ?? false} onDone={done} />
      ) : null}
      {open === "CANCEL" ? (
        <CancelForm detail={detail} manual={actionOf("CANCEL")?.manual ?? false} onDone={done} />
      ) : null}
      {open === "ACTIVATE" || open === "RESUBMIT" ? <ConfirmForm detail={detail} kind={open} onDone={done} /> : null}
      {open === "EDIT" ? (
        <OrderEditForm
          detail={detail}
          fields={editableFields(detail.order.status)}
          heading="Edit the order"
          explanation="Before FOC you may change the numbers, BTN, partial port, account number and PIN, the service address and the requested FOC. Any change other than the date goes to the losing carrier as a change (SUPP 3) and the CSR is checked again. Other fields are fixed once the order is submitted."
          submitLabel="Send the change"
          onDone={done}
        />
      ) : null}
    </section>
  );
}
