import { cloneElement, useId, type ReactElement } from "react";

interface FieldProps {
  label: string;
  /** The messages of this field from a validation problem. */
  errors?: string[];
  hint?: string;
  children: ReactElement<{ id?: string; "aria-invalid"?: boolean; "aria-describedby"?: string }>;
}

/** A labelled control with its field errors next to it, tied to it for screen readers. */
export function Field({ label, errors, hint, children }: FieldProps) {
  const id = useId();
  const errorId = `${id}-errors`;
  const hintId = `${id}-hint`;
  const describedBy = [errors?.length ? errorId : null, hint ? hintId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {cloneElement(children, { id, "aria-invalid": errors?.length ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
      {errors?.length ? (
        <ul id={errorId} className="field-errors" role="alert">
          {errors.map((error) => (
            <li key={error}>{error}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
