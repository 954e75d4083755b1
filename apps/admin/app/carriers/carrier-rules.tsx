"use client";

import type { AdminRouterOutputs } from "@portway/api/admin";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

type Carrier = AdminRouterOutputs["numbering"]["carriers"][number];

function CarrierRow({ carrier }: { carrier: Carrier }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const save = useMutation(
    trpc.administration.setCarrierRules.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  const formId = `carrier-${carrier.id}`;
  return (
    <tr>
      <th scope="row">
        {carrier.name} <small>({carrier.spid})</small>
      </th>
      <td>{carrier.type.toLowerCase()}</td>
      <td className="num">{carrier.blockCount.toLocaleString("en-US")}</td>
      <td>
        <input
          form={formId}
          type="checkbox"
          name="requiresAccountNumber"
          defaultChecked={carrier.requiresAccountNumber}
          aria-label={`${carrier.name} requires an account number`}
        />
      </td>
      <td>
        <input
          form={formId}
          type="checkbox"
          name="requiresPin"
          defaultChecked={carrier.requiresPin}
          aria-label={`${carrier.name} requires a PIN`}
        />
      </td>
      <td>
        <input
          form={formId}
          type="number"
          name="minBusinessDays"
          min={0}
          max={30}
          defaultValue={carrier.minBusinessDays}
          aria-label={`${carrier.name} minimum interval in business days`}
          style={{ width: "5rem" }}
        />
        <FieldError error={save.error} field="minBusinessDays" />
      </td>
      <td>
        <form
          id={formId}
          onSubmit={(event) => {
            event.preventDefault();
            const data = new FormData(event.currentTarget);
            save.mutate({
              carrierId: carrier.id,
              requiresAccountNumber: data.get("requiresAccountNumber") === "on",
              requiresPin: data.get("requiresPin") === "on",
              minBusinessDays: Number(data.get("minBusinessDays")),
            });
          }}
        >
          <button type="submit" disabled={save.isPending} aria-label={`Save rules of ${carrier.name}`}>
            Save
          </button>
          {save.isSuccess ? <span role="status"> Saved</span> : null}
          <FieldError error={save.error} />
        </form>
      </td>
    </tr>
  );
}

export function CarrierRules() {
  const trpc = useTRPC();
  const carriers = useQuery(trpc.numbering.carriers.queryOptions());
  return (
    <table className="plain">
      <caption className="sr-only">Carriers and their porting rules</caption>
      <thead>
        <tr>
          <th scope="col">Carrier</th>
          <th scope="col">Type</th>
          <th scope="col" className="num">
            Blocks
          </th>
          <th scope="col">Account number</th>
          <th scope="col">PIN</th>
          <th scope="col">Minimum interval (business days)</th>
          <th scope="col">
            <span className="sr-only">Save</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {(carriers.data ?? []).map((carrier) => (
          <CarrierRow key={carrier.id} carrier={carrier} />
        ))}
      </tbody>
    </table>
  );
}
