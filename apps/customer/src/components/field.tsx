import { type ReactNode, useId } from "react";

/** A labelled input with its hint and its errors, announced and linked to the control. */
export function Field(props: {
  label: string;
  errors?: readonly string[];
  hint?: string;
  children: (ids: { id: string; describedBy: string; invalid: boolean }) => ReactNode;
}) {
  const id = useId();
  const errors = props.errors ?? [];
  const describedBy = `${id}-hint ${id}-errors`;
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      {props.children({ id, describedBy, invalid: errors.length > 0 })}
      {props.hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {props.hint}
        </p>
      ) : (
        <span id={`${id}-hint`} hidden />
      )}
      <div id={`${id}-errors`}>
        {errors.length > 0 ? (
          <ul className="field-errors">
            {errors.map((message) => (
              <li key={message}>{message}</li>
            ))}
          </ul>
        ) : null}
      </div>
    </div>
  );
}

export function FormErrors({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) {
    return null;
  }
  return (
    <div role="alert" className="form-error">
      {messages.length === 1 ? (
        messages[0]
      ) : (
        <ul>
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
