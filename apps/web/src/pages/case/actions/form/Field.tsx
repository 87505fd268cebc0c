import type { InputHTMLAttributes, ReactNode, SelectHTMLAttributes, TextareaHTMLAttributes } from 'react';
import type { ApiError } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy, hasFieldError } from './fieldErrors';

interface Common {
  /** Unique on the page: the control's id; its hint and error ids derive from it. */
  id: string;
  label: string;
  /** The field path the API uses in fieldErrors, e.g. "vision" or "milestones.0.title". */
  field: string;
  error: ApiError | null;
  hint?: ReactNode;
}

/** Label, optional hint, the control, and the API's message for it — linked for screen readers. */
function FieldFrame({ id, label, field, error, hint, children }: Common & { children: ReactNode }) {
  return (
    <div className="action-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <span id={`${id}-hint`} className="action-hint">
          {hint}
        </span>
      ) : null}
      {children}
      <FieldError error={error} field={field} id={`${id}-error`} />
    </div>
  );
}

function aria({ id, field, error, hint }: Common) {
  return {
    id,
    'aria-invalid': hasFieldError(error, field) || undefined,
    'aria-describedby': describedBy(error, field, `${id}-error`, hint ? `${id}-hint` : undefined),
  };
}

export function TextField({ id, label, field, error, hint, ...input }: Common & InputHTMLAttributes<HTMLInputElement>) {
  const common = { id, label, field, error, hint };
  return (
    <FieldFrame {...common}>
      <input type="text" {...input} {...aria(common)} />
    </FieldFrame>
  );
}

export function TextAreaField({ id, label, field, error, hint, ...textarea }: Common & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const common = { id, label, field, error, hint };
  return (
    <FieldFrame {...common}>
      <textarea rows={4} {...textarea} {...aria(common)} />
    </FieldFrame>
  );
}

export function SelectField({ id, label, field, error, hint, children, ...select }: Common & SelectHTMLAttributes<HTMLSelectElement>) {
  const common = { id, label, field, error, hint };
  return (
    <FieldFrame {...common}>
      <select {...select} {...aria(common)}>
        {children}
      </select>
    </FieldFrame>
  );
}
