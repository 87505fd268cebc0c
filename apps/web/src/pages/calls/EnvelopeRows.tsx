import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import type { components } from '../../api/schema';
import { FieldError } from '../../components/FieldErrors';
import { formatCents } from '../../format';
import { SelectField, TextField } from '../case/actions/form/Field';
import { describedBy, onlyField } from '../case/actions/form/fieldErrors';
import { eurosToCents } from '../case/actions/form/money';
import { row, type Row } from '../case/actions/form/rows';
import { useLocalized } from '../case/usePolicyVersion';

export interface EnvelopeRow {
  instrumentCode: string;
  /** As typed, in euros ("2.500.000,00"); turned into cents only when sent. */
  euros: string;
}

type Instrument = components['schemas']['InstrumentPolicyDto'];

/** The call's envelopes: one row per instrument of the reference data, added and removed as needed. */
export function EnvelopeRows({ rows, instruments, onChange, error }: { rows: Row<EnvelopeRow>[]; instruments: Instrument[]; onChange: (rows: Row<EnvelopeRow>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const change = (key: number, patch: Partial<EnvelopeRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  // One envelope per instrument: a new row is offered while some instrument has none.
  const unused = instruments.filter((i) => !rows.some((r) => r.instrumentCode === i.code));
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'envelopes'), 'envelopes', 'call-envelopes-error')}>
      <legend>{t('calls.open.envelopes')}</legend>
      <p className="action-hint">{t('calls.open.envelopesHint')}</p>
      {rows.map((r, i) => {
        const n = i + 1;
        const cents = eurosToCents(r.euros);
        return (
          <div key={r.key} className="action-row action-row-pair">
            <SelectField id={`call-envelope-${r.key}-instrument`} label={t('calls.open.instrument', { n })} field={`envelopes.${i}.instrumentCode`} error={error} value={r.instrumentCode} onChange={(e) => change(r.key, { instrumentCode: e.target.value })}>
              <option value="">{t('calls.open.chooseInstrument')}</option>
              {instruments.map((ins) => (
                <option key={ins.code} value={ins.code}>
                  {localized(ins.name, ins.code)}
                </option>
              ))}
            </SelectField>
            <TextField
              id={`call-envelope-${r.key}-amount`}
              inputMode="decimal"
              label={t('calls.open.amount', { n })}
              hint={Number.isNaN(cents) ? t('calls.open.amountHint') : formatCents(cents)}
              field={`envelopes.${i}.amountCents`}
              error={error}
              value={r.euros}
              onChange={(e) => change(r.key, { euros: e.target.value })}
            />
            <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('calls.open.removeEnvelope', { n })}
            </button>
          </div>
        );
      })}
      {unused.length > 0 ? (
        <button type="button" onClick={() => onChange([...rows, row({ instrumentCode: '', euros: '' })])}>
          {t('calls.open.addEnvelope')}
        </button>
      ) : null}
      <FieldError error={onlyField(error, 'envelopes')} field="envelopes" id="call-envelopes-error" />
    </fieldset>
  );
}

/** What the API receives: integer cents parsed from the decimal text (never through a float); null when it is no amount, so the API names the field. */
export const envelopesBody = (rows: EnvelopeRow[]) =>
  rows.map((r) => {
    const cents = eurosToCents(r.euros);
    return { instrumentCode: r.instrumentCode, amountCents: (Number.isNaN(cents) ? null : cents) as number };
  });
