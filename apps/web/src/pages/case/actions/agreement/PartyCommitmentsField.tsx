import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { formatCents } from '../../../../format';
import { SelectField, TextAreaField, TextField } from '../form/Field';
import { describedBy, onlyField } from '../form/fieldErrors';
import { eurosToCents } from '../form/money';
import { row, type Row } from '../form/rows';
import { COMMITMENT_KINDS, type CommitmentRow } from './agreementDraft';

/**
 * What one party commits to (DOMAIN.md step 6: financial and in kind): a description, and for
 * money its amount in euros. `party` is the party's number in the form, `index` its place in the body.
 */
export function PartyCommitmentsField({ party, index, rows, onChange, error }: { party: number; index: number; rows: Row<CommitmentRow>[]; onChange: (rows: Row<CommitmentRow>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const field = `parties.${index}.commitments`;
  const errorId = `party-${party}-commitments-error`;
  const change = (key: number, patch: Partial<CommitmentRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, field), field, errorId)}>
      <legend>{t('actions.agreement.commitments.legend', { n: party })}</legend>
      {rows.length === 0 ? <p className="action-hint">{t('actions.agreement.commitments.none')}</p> : null}
      {rows.map((r, j) => {
        const m = j + 1;
        const cents = eurosToCents(r.euros);
        const label = (key: string) => t(`actions.agreement.commitments.${key}`, { n: party, m });
        return (
          <div key={r.key} className="action-row action-row-pair">
            <SelectField id={`commitment-${r.key}-kind`} label={label('kind')} field={`${field}.${j}.kind`} error={error} value={r.kind} onChange={(e) => change(r.key, { kind: e.target.value as CommitmentRow['kind'] })}>
              {COMMITMENT_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`actions.agreement.commitments.kinds.${k}`)}
                </option>
              ))}
            </SelectField>
            <TextAreaField id={`commitment-${r.key}-description`} label={label('description')} field={`${field}.${j}.description`} error={error} rows={2} value={r.description} onChange={(e) => change(r.key, { description: e.target.value })} />
            {r.kind === 'financial' ? (
              <TextField
                id={`commitment-${r.key}-amount`}
                inputMode="decimal"
                label={label('amount')}
                hint={Number.isNaN(cents) ? t('actions.amountHint') : formatCents(cents)}
                field={`${field}.${j}.amountCents`}
                error={error}
                value={r.euros}
                onChange={(e) => change(r.key, { euros: e.target.value })}
              />
            ) : null}
            <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {label('remove')}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, row({ kind: 'financial', description: '', euros: '' })])}>
        {t('actions.agreement.commitments.add', { n: party })}
      </button>
      <FieldError error={onlyField(error, field)} field={field} id={errorId} />
    </fieldset>
  );
}
