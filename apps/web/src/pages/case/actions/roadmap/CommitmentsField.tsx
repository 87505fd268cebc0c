import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy, onlyField } from '../form/fieldErrors';
import { TextAreaField, TextField } from '../form/Field';
import { row, type Row } from '../form/rows';

type Commitment = components['schemas']['CommitmentDto'];

/** Who commits to what: an actor and their commitment per row. */
export function CommitmentsField({ rows, onChange, error }: { rows: Row<Commitment>[]; onChange: (rows: Row<Commitment>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<Commitment>) => onChange(rows.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'commitments'), 'commitments', 'roadmap-commitments-error')}>
      <legend>{t('actions.roadmap.commitments.legend')}</legend>
      {rows.length === 0 ? <p className="action-hint">{t('actions.roadmap.noRows')}</p> : null}
      {rows.map((r, i) => {
        const n = i + 1;
        return (
          <div key={r.key} className="action-row action-row-pair">
            <TextField id={`roadmap-commitment-${r.key}-actor`} label={t('actions.roadmap.commitments.actor', { n })} field={`commitments.${i}.actor`} error={error} value={r.actor} onChange={(e) => change(r.key, { actor: e.target.value })} />
            <TextAreaField id={`roadmap-commitment-${r.key}-text`} rows={2} label={t('actions.roadmap.commitments.commitment', { n })} field={`commitments.${i}.commitment`} error={error} value={r.commitment} onChange={(e) => change(r.key, { commitment: e.target.value })} />
            <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('actions.roadmap.remove', { item: t('actions.roadmap.commitments.item', { n }) })}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, row({ actor: '', commitment: '' })])}>
        {t('actions.roadmap.commitments.add')}
      </button>
      <FieldError error={onlyField(error, 'commitments')} field="commitments" id="roadmap-commitments-error" />
    </fieldset>
  );
}
