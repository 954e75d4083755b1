"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { FieldError } from "@/components/field-error";
import { useTRPC } from "@/trpc/react";

/** A new customer account (lead only; the server refuses analysts). */
export function CreateAccountForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const create = useMutation(
    trpc.administration.createAccount.mutationOptions({ onSuccess: () => queryClient.invalidateQueries() }),
  );
  return (
    <section className="card" aria-labelledby="new-account-heading">
      <h2 id="new-account-heading">New account</h2>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          const form = event.currentTarget;
          const data = new FormData(form);
          create.mutate(
            {
              name: String(data.get("name") ?? ""),
              slug: String(data.get("slug") ?? ""),
              onNetOnly: data.get("onNetOnly") === "on",
            },
            { onSuccess: () => form.reset() },
          );
        }}
      >
        <label>
          Account name <input name="name" required />
          <FieldError error={create.error} field="name" />
        </label>
        <label>
          Key <input name="slug" required placeholder="acme-voice" />
          <FieldError error={create.error} field="slug" />
        </label>
        <label className="checkbox">
          <input type="checkbox" name="onNetOnly" /> On-net only
        </label>
        <button type="submit" disabled={create.isPending}>
          Create account
        </button>
      </form>
      {create.isSuccess ? <p role="status">Created {create.data.name}.</p> : null}
      <FieldError error={create.error} />
    </section>
  );
}
