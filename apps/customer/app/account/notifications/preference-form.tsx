"use client";

import { formatEastern } from "@portway/ui";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useEffect, useState } from "react";
import { useTRPC } from "@/trpc/react";

const choices = [
  { value: "IMMEDIATE", label: "Immediately", hint: "One email for each notification, as it happens." },
  { value: "DAILY", label: "Daily digest", hint: "One email at 07:00 ET with everything since the last digest." },
  { value: "OFF", label: "Off", hint: "No email; notifications stay in the portal." },
] as const;
type Choice = (typeof choices)[number]["value"];

/** How the signed-in user gets notification email. */
export function PreferenceForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const current = useQuery(trpc.notifications.preference.queryOptions());
  const [choice, setChoice] = useState<Choice | null>(null);
  useEffect(() => {
    if (current.data && choice === null) {
      setChoice(current.data.email);
    }
  }, [current.data, choice]);
  const save = useMutation({
    ...trpc.notifications.setPreference.mutationOptions(),
    onSuccess: (data) => queryClient.setQueryData(trpc.notifications.preference.queryKey(), data),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (choice) {
      save.mutate({ email: choice });
    }
  };
  return (
    <form className="nt-form" onSubmit={submit}>
      <fieldset className="nt-choices">
        <legend>Email me about notifications</legend>
        {choices.map((c) => (
          <div className="nt-choice" key={c.value}>
            <input
              type="radio"
              id={`email-${c.value}`}
              name="email"
              value={c.value}
              checked={choice === c.value}
              onChange={() => setChoice(c.value)}
              aria-describedby={`email-${c.value}-hint`}
            />
            <div>
              <label htmlFor={`email-${c.value}`}>{c.label}</label>
              <p className="nt-hint" id={`email-${c.value}-hint`}>
                {c.hint}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      {current.data?.isDefault ? <p className="nt-hint">You have not chosen yet; this is the default.</p> : null}
      {current.data?.lastDigestAt ? (
        <p className="nt-hint">Last digest: {formatEastern(current.data.lastDigestAt)}</p>
      ) : null}
      <div className="nt-actions">
        <button type="submit" disabled={!choice || save.isPending}>
          Save preference
        </button>
        <span aria-live="polite">{save.isSuccess ? "Saved." : ""}</span>
      </div>
      {save.error ? (
        <p role="alert" className="nt-error">
          {save.error.message}
        </p>
      ) : null}
    </form>
  );
}
