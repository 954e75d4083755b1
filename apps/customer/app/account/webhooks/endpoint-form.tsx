"use client";

import type { CustomerRouterInputs } from "@portway/api/customer";
import { useQuery } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { errorsByField, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";

export type WebhookEventType = CustomerRouterInputs["webhooks"]["create"]["eventTypes"][number];

export interface EndpointFormValues {
  url: string;
  description: string;
  eventTypes: WebhookEventType[];
}

/** URL, description and event types of an endpoint; errors shown next to their field. */
export function EndpointForm(props: {
  initial: EndpointFormValues;
  submitLabel: string;
  pending: boolean;
  error: unknown;
  onSubmit: (values: EndpointFormValues) => void;
}) {
  const trpc = useTRPC();
  const types = useQuery(trpc.webhooks.eventTypes.queryOptions());
  const [values, setValues] = useState(props.initial);
  const errors = errorsByField(props.error);
  const urlErrors = messagesFor(errors, "url");
  const typeErrors = messagesFor(errors, "eventTypes");
  const descriptionErrors = messagesFor(errors, "description");
  const formErrors = props.error ? (errors._form ?? []) : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onSubmit(values);
  };
  const toggle = (type: WebhookEventType, on: boolean) =>
    setValues((v) => ({
      ...v,
      eventTypes: on ? [...v.eventTypes, type] : v.eventTypes.filter((t) => t !== type),
    }));
  return (
    <form className="nt-form" onSubmit={submit} noValidate>
      <div className="nt-field">
        <label htmlFor="endpoint-url">Endpoint URL</label>
        <input
          id="endpoint-url"
          type="url"
          value={values.url}
          placeholder="https://example.com/portway/events"
          aria-invalid={urlErrors.length > 0}
          aria-describedby="endpoint-url-hint endpoint-url-errors"
          onChange={(e) => setValues({ ...values, url: e.target.value })}
        />
        <p className="nt-hint" id="endpoint-url-hint">
          We POST each event as JSON, signed with the endpoint's secret. Answer with any 2xx status within 10 seconds.
        </p>
        <div id="endpoint-url-errors">
          {urlErrors.map((m) => (
            <p key={m} className="nt-error">
              {m}
            </p>
          ))}
        </div>
      </div>
      <div className="nt-field">
        <label htmlFor="endpoint-description">Description (optional)</label>
        <input
          id="endpoint-description"
          value={values.description}
          aria-invalid={descriptionErrors.length > 0}
          aria-describedby="endpoint-description-errors"
          onChange={(e) => setValues({ ...values, description: e.target.value })}
        />
        <div id="endpoint-description-errors">
          {descriptionErrors.map((m) => (
            <p key={m} className="nt-error">
              {m}
            </p>
          ))}
        </div>
      </div>
      <fieldset className="nt-choices" aria-describedby="endpoint-types-errors">
        <legend>Events to send</legend>
        {(types.data ?? []).map((t) => (
          <div className="nt-choice" key={t.type}>
            <input
              type="checkbox"
              id={`type-${t.type}`}
              checked={values.eventTypes.includes(t.type)}
              onChange={(e) => toggle(t.type, e.target.checked)}
              aria-describedby={`type-${t.type}-hint`}
            />
            <div>
              <label htmlFor={`type-${t.type}`}>
                <code>{t.type}</code>
              </label>
              <p className="nt-hint" id={`type-${t.type}-hint`}>
                {t.description}
              </p>
            </div>
          </div>
        ))}
        <div id="endpoint-types-errors">
          {typeErrors.map((m) => (
            <p key={m} className="nt-error">
              {m}
            </p>
          ))}
        </div>
      </fieldset>
      {formErrors.map((m) => (
        <p key={m} role="alert" className="nt-error">
          {m}
        </p>
      ))}
      <div className="nt-actions">
        <button type="submit" disabled={props.pending}>
          {props.submitLabel}
        </button>
      </div>
    </form>
  );
}
