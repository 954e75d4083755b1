"use client";

import { type FormEvent, useEffect, useState } from "react";
import { formatEastern } from "./format";

const choices = [
  { value: "IMMEDIATE", label: "Immediately", hint: "One email for each notification, as it happens." },
  { value: "DAILY", label: "Daily digest", hint: "One email at 07:00 ET with everything since the last digest." },
  { value: "OFF", label: "Off", hint: "No email; notifications stay in the portal." },
] as const;
export type EmailPreferenceChoice = (typeof choices)[number]["value"];

export interface NotificationPreferenceFormProps {
  /** The saved preference, once loaded. */
  current: { email: EmailPreferenceChoice; isDefault: boolean; lastDigestAt: Date | string | null } | undefined;
  /** The portal's save mutation. */
  save: {
    mutate: (input: { email: EmailPreferenceChoice }) => void;
    isPending: boolean;
    isSuccess: boolean;
    error: { message: string } | null;
  };
}

/** How the signed-in user gets notification email. */
export function NotificationPreferenceForm({ current, save }: NotificationPreferenceFormProps) {
  const [choice, setChoice] = useState<EmailPreferenceChoice | null>(null);
  useEffect(() => {
    if (current && choice === null) {
      setChoice(current.email);
    }
  }, [current, choice]);
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
      {current?.isDefault ? <p className="nt-hint">You have not chosen yet; this is the default.</p> : null}
      {current?.lastDigestAt ? <p className="nt-hint">Last digest: {formatEastern(current.lastDigestAt)}</p> : null}
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
