"use client";

import { US_STATES } from "@portway/domain";
import { FocPicker, TnInput } from "@portway/ui";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { Field, FormErrors } from "@/components/field";
import { errorsByField, type FieldMessages, messagesFor } from "@/lib/errors";
import { useTRPC } from "@/trpc/react";
import { latestLikelyMovedBefore, RiskWarnings, useRisk } from "./risk-warnings";
import { draftFromValues, STEPS, validateStep, valuesFromDraft, type WizardValues } from "./wizard-model";
import { DocumentsStep, ReviewStep } from "./wizard-steps";

export function NewPortInWizard({ draftId: initialDraftId }: { draftId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  const params = useSearchParams();
  const draft = useQuery({
    ...trpc.drafts.get.queryOptions({ draftId: initialDraftId ?? "" }),
    enabled: initialDraftId !== null,
  });
  const [draftId, setDraftId] = useState(initialDraftId);
  const [version, setVersion] = useState<number | undefined>(draft.data?.version);
  const [values, setValues] = useState<WizardValues>(() =>
    valuesFromDraft(draft.data?.data, params.get("tns")?.split(",").join("\n") ?? ""),
  );
  const [local, setLocal] = useState<FieldMessages>({});
  const [saved, setSaved] = useState<string | null>(null);
  const step = Math.min(STEPS.length - 1, Math.max(0, Number(params.get("step") ?? "1") - 1 || 0));
  const save = useMutation(trpc.drafts.save.mutationOptions());
  const heading = useRef<HTMLHeadingElement>(null);

  const shownStep = useRef(step);
  useEffect(() => {
    // Moving between steps puts the focus on the new step's heading (not on the first page load).
    if (shownStep.current !== step) {
      shownStep.current = step;
      heading.current?.focus();
    }
  }, [step]);

  const server = save.error ? errorsByField(save.error) : {};
  const errorsOf = (field: string) => [...messagesFor(local, field), ...messagesFor(server, field)];
  const set =
    <K extends keyof WizardValues>(key: K) =>
    (value: WizardValues[K]) =>
      setValues((v) => ({ ...v, [key]: value }));

  const goTo = (next: number, id: string | null = draftId) => {
    const query = new URLSearchParams();
    if (id) {
      query.set("draft", id);
    }
    query.set("step", String(next + 1));
    router.replace(`/orders/new?${query.toString()}`, { scroll: true });
  };

  /** Saves the draft (created on first save); returns its ID. */
  const saveDraft = async (): Promise<string | null> => {
    try {
      const result = await save.mutateAsync({
        ...(draftId ? { draftId, baseVersion: version } : {}),
        data: draftFromValues(values),
      });
      setDraftId(result.id);
      setVersion(result.version);
      setSaved(`Draft saved at ${new Date(result.updatedAt).toLocaleTimeString("en-US")}.`);
      return result.id;
    } catch {
      return null;
    }
  };

  const next = async (event: FormEvent) => {
    event.preventDefault();
    const problems = validateStep(step, values);
    setLocal(problems);
    if (Object.keys(problems).length > 0) {
      return;
    }
    const id = await saveDraft();
    if (id) {
      goTo(step + 1, id);
    }
  };

  return (
    <div className="wizard">
      <nav aria-label="Steps" className="wizard__steps">
        <ol>
          {STEPS.map((label, index) => (
            <li key={label} aria-current={index === step ? "step" : undefined}>
              {draftId && index !== step ? (
                <a
                  href={`/orders/new?draft=${draftId}&step=${index + 1}`}
                  onClick={(e) => {
                    e.preventDefault();
                    goTo(index);
                  }}
                >
                  {index + 1}. {label}
                </a>
              ) : (
                <span>
                  {index + 1}. {label}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <h2 ref={heading} tabIndex={-1}>
        Step {step + 1} of {STEPS.length}: {STEPS[step]}
      </h2>
      {saved ? (
        <p className="muted" role="status">
          {saved} Drafts are kept until you delete them.
        </p>
      ) : null}
      {step === 2 && draftId ? (
        <DocumentsStep
          draftId={draftId}
          authorizingPerson={values.loaAuthorizingPerson}
          onBack={() => goTo(1)}
          onNext={() => goTo(3)}
        />
      ) : step === 4 && draftId ? (
        <ReviewStep draftId={draftId} values={values} onGoTo={goTo} />
      ) : (
        <form onSubmit={next} noValidate aria-label={STEPS[step]} className="card">
          {step === 0 ? (
            <TnInput
              label="Telephone numbers to port"
              value={values.tnsText}
              onChange={set("tnsText")}
              serverErrors={errorsOf("tns")}
            />
          ) : null}
          {step === 1 ? <AccountStep values={values} set={set} errorsOf={errorsOf} /> : null}
          {step === 3 && draftId ? <FocStep draftId={draftId} values={values} set={set} errorsOf={errorsOf} /> : null}
          <FormErrors messages={server._form ?? []} />
          <div className="wizard__buttons">
            {step > 0 ? (
              <button type="button" className="button--quiet" onClick={() => goTo(step - 1)}>
                Back
              </button>
            ) : null}
            <button type="button" className="button--quiet" disabled={save.isPending} onClick={() => saveDraft()}>
              Save draft
            </button>
            <button type="submit" disabled={save.isPending}>
              {save.isPending ? "Saving…" : "Save and continue"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

type Setter = <K extends keyof WizardValues>(key: K) => (value: WizardValues[K]) => void;

function TextField(props: {
  label: string;
  field: string;
  value: string;
  onChange: (value: string) => void;
  errorsOf: (field: string) => string[];
  hint?: string;
  autoComplete?: string;
}) {
  return (
    <Field label={props.label} errors={props.errorsOf(props.field)} {...(props.hint ? { hint: props.hint } : {})}>
      {(ids) => (
        <input
          id={ids.id}
          aria-describedby={ids.describedBy}
          aria-invalid={ids.invalid}
          value={props.value}
          autoComplete={props.autoComplete ?? "off"}
          onChange={(e) => props.onChange(e.target.value)}
        />
      )}
    </Field>
  );
}

function AccountStep({
  values,
  set,
  errorsOf,
}: {
  values: WizardValues;
  set: Setter;
  errorsOf: (field: string) => string[];
}) {
  return (
    <>
      <TextField
        label="Customer order reference"
        field="customerOrderRef"
        value={values.customerOrderRef}
        onChange={set("customerOrderRef")}
        errorsOf={errorsOf}
        hint="Your own reference, unique in your account: submitting twice with it returns the same order."
      />
      <fieldset>
        <legend>End user (as the losing carrier bills them)</legend>
        <div className="radio-row">
          <label>
            <input
              type="radio"
              name="subscriberType"
              checked={values.subscriberType === "BUSINESS"}
              onChange={() => set("subscriberType")("BUSINESS")}
            />{" "}
            Business
          </label>
          <label>
            <input
              type="radio"
              name="subscriberType"
              checked={values.subscriberType === "RESIDENTIAL"}
              onChange={() => set("subscriberType")("RESIDENTIAL")}
            />{" "}
            Residential
          </label>
        </div>
        <div className="form-grid">
          {values.subscriberType === "BUSINESS" ? (
            <TextField
              label="Business name"
              field="subscriber.businessName"
              value={values.businessName}
              onChange={set("businessName")}
              errorsOf={errorsOf}
            />
          ) : (
            <>
              <TextField
                label="First name"
                field="subscriber.firstName"
                value={values.firstName}
                onChange={set("firstName")}
                errorsOf={errorsOf}
              />
              <TextField
                label="Last name"
                field="subscriber.lastName"
                value={values.lastName}
                onChange={set("lastName")}
                errorsOf={errorsOf}
              />
            </>
          )}
          <TextField
            label="Authorizing person (signs the LOA)"
            field="loaAuthorizingPerson"
            value={values.loaAuthorizingPerson}
            onChange={set("loaAuthorizingPerson")}
            errorsOf={errorsOf}
          />
        </div>
      </fieldset>
      <fieldset>
        <legend>Account at the losing carrier</legend>
        <div className="form-grid">
          <TextField
            label="Billing telephone number (BTN)"
            field="btn"
            value={values.btn}
            onChange={set("btn")}
            errorsOf={errorsOf}
          />
          <TextField
            label="Account number"
            field="accountNumber"
            value={values.accountNumber}
            onChange={set("accountNumber")}
            errorsOf={errorsOf}
            hint="From a recent bill; wireless carriers and some others require it."
          />
          <TextField
            label="PIN (port-out passcode)"
            field="pin"
            value={values.pin}
            onChange={set("pin")}
            errorsOf={errorsOf}
            hint="Wireless carriers require one."
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={values.partialPort} onChange={(e) => set("partialPort")(e.target.checked)} />{" "}
          Partial port: other numbers stay on this account at the losing carrier
        </label>
        {values.partialPort ? (
          <TextField
            label="Replacement BTN"
            field="replacementBtn"
            value={values.replacementBtn}
            onChange={set("replacementBtn")}
            errorsOf={errorsOf}
            hint="Needed when the BTN itself moves: a number that stays on the account."
          />
        ) : null}
      </fieldset>
      <fieldset>
        <legend>Service address (where the service is installed)</legend>
        <div className="form-grid">
          <TextField
            label="House number"
            field="serviceAddress.houseNumber"
            value={values.houseNumber}
            onChange={set("houseNumber")}
            errorsOf={errorsOf}
          />
          <TextField
            label="Street"
            field="serviceAddress.street"
            value={values.street}
            onChange={set("street")}
            errorsOf={errorsOf}
          />
          <TextField
            label="Unit (optional)"
            field="serviceAddress.unit"
            value={values.unit}
            onChange={set("unit")}
            errorsOf={errorsOf}
          />
          <TextField
            label="City"
            field="serviceAddress.city"
            value={values.city}
            onChange={set("city")}
            errorsOf={errorsOf}
          />
          <Field label="State" errors={errorsOf("serviceAddress.state")}>
            {(ids) => (
              <select
                id={ids.id}
                aria-describedby={ids.describedBy}
                aria-invalid={ids.invalid}
                value={values.state}
                onChange={(e) => set("state")(e.target.value)}
              >
                <option value="">Choose a state</option>
                {US_STATES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <TextField
            label="ZIP code"
            field="serviceAddress.zip"
            value={values.zip}
            onChange={set("zip")}
            errorsOf={errorsOf}
          />
        </div>
      </fieldset>
    </>
  );
}

function FocStep({
  draftId,
  values,
  set,
  errorsOf,
}: {
  draftId: string;
  values: WizardValues;
  set: Setter;
  errorsOf: (field: string) => string[];
}) {
  const trpc = useTRPC();
  const preview = useQuery(
    trpc.submissions.preview.queryOptions({
      draftId,
      submission: { ...draftFromValues(values), requestedFoc: undefined },
    }),
  );
  const planned = (preview.data?.orders ?? []).map((o) => ({ carrierSpid: o.carrierSpid, portType: o.portType }));
  const options = useQuery({
    ...trpc.foc.forSubmission.queryOptions({ orders: planned }),
    enabled: preview.isSuccess,
  });
  const risk = useRisk(planned, values.accountNumber, values.pin, preview.isSuccess);
  return (
    <>
      <p className="muted">
        {preview.data
          ? `Your numbers go in ${preview.data.orders.length} order${preview.data.orders.length === 1 ? "" : "s"} (${preview.data.orders
              .map((o) => `${o.portType.replaceAll("_", " ")} with ${o.carrierName}`)
              .join("; ")}); the dates below suit every one of them.`
          : "Working out the port types and losing carriers…"}
      </p>
      <RiskWarnings orders={planned} accountNumber={values.accountNumber} pin={values.pin} expectationsOnly />
      <FocPicker
        options={options.data}
        likelyMovedBefore={latestLikelyMovedBefore(risk.data?.expectations ?? [])}
        date={values.focDate}
        time={values.focTime}
        onChange={(next) => {
          set("focDate")(next.date);
          set("focTime")(next.time);
        }}
        errors={errorsOf("requestedFoc")}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.onDemandActivation}
          onChange={(e) => set("onDemandActivation")(e.target.checked)}
        />{" "}
        On-demand activation: I activate the numbers myself on the FOC day (otherwise they activate at the FOC time)
      </label>
      <Field label="Notes for the porting team (optional)" errors={errorsOf("notes")}>
        {(ids) => (
          <textarea
            id={ids.id}
            aria-describedby={ids.describedBy}
            rows={2}
            value={values.notes}
            onChange={(e) => set("notes")(e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
