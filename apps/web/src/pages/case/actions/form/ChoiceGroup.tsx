import type { ApiError } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy } from './fieldErrors';

interface Choice {
  value: string;
  label: string;
}

/** A required one-of-n choice as radio buttons in a fieldset, with the API's message for it. */
export function ChoiceGroup({ id, legend, field, error, choices, value, onChange }: { id: string; legend: string; field: string; error: ApiError | null; choices: Choice[]; value: string; onChange: (value: string) => void }) {
  return (
    <fieldset className="action-choices" aria-describedby={describedBy(error, field, `${id}-error`)}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <div key={c.value} className="action-choice">
          <input type="radio" id={`${id}-${c.value}`} name={id} value={c.value} checked={value === c.value} onChange={() => onChange(c.value)} />
          <label htmlFor={`${id}-${c.value}`}>{c.label}</label>
        </div>
      ))}
      <FieldError error={error} field={field} id={`${id}-error`} />
    </fieldset>
  );
}
