"use client";

import { type FormEvent, type PointerEvent, useRef, useState } from "react";

type Mode = "TYPED" | "DRAWN";
interface Issue {
  field: string;
  code: string;
  message: string;
}

/** A canvas the signer draws on with a finger, pen or mouse; its PNG is the drawn signature. */
function SignaturePad({ onChange }: { onChange: (png: string | null) => void }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const drawing = useRef(false);
  const drawn = useRef(false);
  const point = (event: PointerEvent<HTMLCanvasElement>) => {
    const element = event.currentTarget;
    const box = element.getBoundingClientRect();
    return {
      x: ((event.clientX - box.left) / box.width) * element.width,
      y: ((event.clientY - box.top) / box.height) * element.height,
    };
  };
  const start = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext("2d");
    if (!context) {
      return;
    }
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    const { x, y } = point(event);
    context.lineWidth = 3;
    context.lineCap = "round";
    context.strokeStyle = "#111";
    context.beginPath();
    context.moveTo(x, y);
  };
  const move = (event: PointerEvent<HTMLCanvasElement>) => {
    const context = event.currentTarget.getContext("2d");
    if (!drawing.current || !context) {
      return;
    }
    const { x, y } = point(event);
    context.lineTo(x, y);
    context.stroke();
    drawn.current = true;
  };
  const end = () => {
    if (!drawing.current) {
      return;
    }
    drawing.current = false;
    const element = canvas.current;
    onChange(element && drawn.current ? element.toDataURL("image/png").replace(/^data:image\/png;base64,/, "") : null);
  };
  const clear = () => {
    const element = canvas.current;
    element?.getContext("2d")?.clearRect(0, 0, element.width, element.height);
    drawn.current = false;
    onChange(null);
  };
  return (
    <div className="signature-pad">
      <canvas
        ref={canvas}
        width={600}
        height={180}
        className="signature-pad__canvas"
        role="img"
        aria-label="Signature area: draw your signature with a finger, pen or mouse"
        data-testid="signature-canvas"
        onPointerDown={start}
        onPointerMove={move}
        onPointerUp={end}
        onPointerLeave={end}
      />
      <button type="button" className="button--quiet" onClick={clear}>
        Clear the signature
      </button>
    </div>
  );
}

/** Typed name, typed or drawn signature, the confirmation; posted to the link's confirm route. */
export function SignForm({
  token,
  signerName,
  signerTitle,
}: {
  token: string;
  signerName: string;
  signerTitle: string;
}) {
  const [name, setName] = useState(signerName);
  const [title, setTitle] = useState(signerTitle);
  const [mode, setMode] = useState<Mode>("TYPED");
  const [typed, setTyped] = useState("");
  const [png, setPng] = useState<string | null>(null);
  const [agree, setAgree] = useState(false);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [busy, setBusy] = useState(false);
  const [signedAt, setSignedAt] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const local: Issue[] = [];
    if (!name.trim()) {
      local.push({ field: "signedName", code: "REQUIRED", message: "Type your full name." });
    }
    if (mode === "TYPED" && !typed.trim()) {
      local.push({ field: "signature", code: "REQUIRED", message: "Type your signature." });
    }
    if (mode === "DRAWN" && !png) {
      local.push({ field: "signature", code: "REQUIRED", message: "Draw your signature first." });
    }
    if (!agree) {
      local.push({ field: "agree", code: "REQUIRED", message: "Confirm that you are authorized to sign." });
    }
    setIssues(local);
    if (local.length > 0) {
      return;
    }
    setBusy(true);
    try {
      const response = await fetch(`/sign/${encodeURIComponent(token)}/confirm`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          signedName: name.trim(),
          ...(title.trim() ? { signerTitle: title.trim() } : {}),
          signature: mode === "TYPED" ? { kind: "TYPED", text: typed.trim() } : { kind: "DRAWN", pngBase64: png },
          agree: true,
        }),
      });
      const body = (await response.json()) as { signedAt?: string; issues?: Issue[] };
      if (response.ok && body.signedAt) {
        setSignedAt(body.signedAt);
      } else {
        setIssues(body.issues ?? [{ field: "form", code: "FAILED", message: "The signature was not recorded." }]);
      }
    } catch {
      setIssues([{ field: "form", code: "NETWORK", message: "The signature could not be sent. Try again." }]);
    } finally {
      setBusy(false);
    }
  };

  if (signedAt) {
    return (
      <section className="card sign-page__done" aria-labelledby="signed-heading">
        <h2 id="signed-heading">Thank you, the letter is signed</h2>
        <p role="status">
          Signed {new Date(signedAt).toLocaleString("en-US", { timeZone: "America/New_York" })} ET. The signed copy is
          with your service provider; you can close this page.
        </p>
      </section>
    );
  }
  const issueOf = (field: string) =>
    issues.find((issue) => issue.field === field || issue.field.startsWith(`${field}.`));
  const errorText = (field: string) => {
    const issue = issueOf(field);
    return issue ? (
      <span className="field-errors" id={`${field}-error`}>
        {issue.message}
      </span>
    ) : null;
  };
  const general = issues.filter(
    (i) => !["signedName", "signerTitle", "signature", "agree"].some((f) => i.field.startsWith(f)),
  );
  return (
    <form className="card sign-form" onSubmit={submit} noValidate aria-labelledby="sign-heading">
      <h2 id="sign-heading">Your signature</h2>
      {general.length > 0 ? (
        <div role="alert" className="sign-form__alert">
          {general.map((issue) => (
            <p key={issue.code}>{issue.message}</p>
          ))}
        </div>
      ) : null}
      <label className="field">
        <span>Your full name</span>
        <input
          name="signedName"
          autoComplete="name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={issueOf("signedName") ? true : undefined}
          aria-describedby={issueOf("signedName") ? "signedName-error" : undefined}
        />
        {errorText("signedName")}
      </label>
      <label className="field">
        <span>Your title (optional)</span>
        <input
          name="signerTitle"
          autoComplete="organization-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </label>
      <fieldset className="sign-form__mode">
        <legend>How do you want to sign?</legend>
        <label>
          <input type="radio" name="mode" checked={mode === "TYPED"} onChange={() => setMode("TYPED")} /> Type my
          signature
        </label>
        <label>
          <input type="radio" name="mode" checked={mode === "DRAWN"} onChange={() => setMode("DRAWN")} /> Draw my
          signature
        </label>
      </fieldset>
      {mode === "TYPED" ? (
        <label className="field">
          <span>Typed signature</span>
          <input
            name="typedSignature"
            className="sign-form__typed"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            aria-invalid={issueOf("signature") ? true : undefined}
            aria-describedby={issueOf("signature") ? "signature-error" : undefined}
          />
          {errorText("signature")}
        </label>
      ) : (
        <div className="field">
          <SignaturePad onChange={setPng} />
          {errorText("signature")}
        </div>
      )}
      <label className="sign-form__agree">
        <input
          type="checkbox"
          checked={agree}
          onChange={(e) => setAgree(e.target.checked)}
          aria-invalid={issueOf("agree") ? true : undefined}
          aria-describedby={issueOf("agree") ? "agree-error" : undefined}
        />{" "}
        I am authorized to act for the end user named in the letter and I sign it electronically.
      </label>
      {errorText("agree")}
      <button type="submit" disabled={busy}>
        {busy ? "Signing…" : "Sign the letter"}
      </button>
    </form>
  );
}
