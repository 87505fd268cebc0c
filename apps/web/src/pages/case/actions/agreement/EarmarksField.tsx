import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { formatCents } from '../../../../format';
import { SelectField, TextField } from '../form/Field';
import { describedBy, onlyField } from '../form/fieldErrors';
import { eurosToCents } from '../form/money';
import { useLocalized, type Policy } from '../../usePolicyVersion';
import { row, type Row } from '../form/rows';
import type { EarmarkRow } from './agreementDraft';

/** Budget earmarked per instrument (one row per instrument), in euros as typed. */
export function EarmarksField({ rows, policy, onChange, error }: { rows: Row<EarmarkRow>[]; policy: Policy; onChange: (rows: Row<EarmarkRow>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const change = (key: number, patch: Partial<EarmarkRow>) => onChange(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'earmarks'), 'earmarks', 'agreement-earmarks-error')}>
      <legend>{t('actions.agreement.earmarks')}</legend>
      {rows.length === 0 ? <p className="action-hint">{t('actions.roadmap.noRows')}</p> : null}
      {rows.map((r, i) => {
        const n = i + 1;
        const cents = eurosToCents(r.euros);
        return (
          <div key={r.key} className="action-row action-row-pair">
            <SelectField id={`earmark-${r.key}-instrument`} label={t('actions.agreement.earmarkInstrument', { n })} field={`earmarks.${i}.instrumentCode`} error={error} value={r.instrumentCode} onChange={(e) => change(r.key, { instrumentCode: e.target.value })}>
              <option value="">{t('actions.choose')}</option>
              {policy.instruments.map((ins) => (
                <option key={ins.code} value={ins.code}>
                  {ins.code}: {localized(ins.name)}
                </option>
              ))}
            </SelectField>
            <TextField id={`earmark-${r.key}-amount`} inputMode="decimal" label={t('actions.agreement.earmarkAmount', { n })} hint={Number.isNaN(cents) ? t('actions.amountHint') : formatCents(cents)} field={`earmarks.${i}.amountCents`} error={error} value={r.euros} onChange={(e) => change(r.key, { euros: e.target.value })} />
            <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('actions.agreement.removeEarmark', { n })}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, row({ instrumentCode: '', euros: '' })])}>
        {t('actions.agreement.addEarmark')}
      </button>
      <FieldError error={onlyField(error, 'earmarks')} field="earmarks" id="agreement-earmarks-error" />
    </fieldset>
  );
}
