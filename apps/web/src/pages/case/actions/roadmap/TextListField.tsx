import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy, onlyField } from '../form/fieldErrors';
import { TextAreaField } from '../form/Field';
import { row, type Row } from '../form/rows';
import type { TextListKey } from './roadmapDraft';

/**
 * A list of free texts (objectives, projects, …) as numbered rows to add and remove. The API
 * judges the whole list ("each value in objectives …"), so its message stands under the list.
 */
export function TextListField({ name, rows, onChange, error }: { name: TextListKey; rows: Row<{ text: string }>[]; onChange: (rows: Row<{ text: string }>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const id = `roadmap-${name}`;
  const item = (n: number) => t(`actions.roadmap.${name}.item`, { n });
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, name), name, `${id}-error`)}>
      <legend>{t(`actions.roadmap.${name}.legend`)}</legend>
      {rows.length === 0 ? <p className="action-hint">{t('actions.roadmap.noRows')}</p> : null}
      {rows.map((r, i) => (
        <div key={r.key} className="action-row">
          <TextAreaField
            id={`${id}-${r.key}`}
            label={item(i + 1)}
            field={`${name}.${i}`}
            error={error}
            rows={2}
            value={r.text}
            onChange={(e) => onChange(rows.map((x) => (x.key === r.key ? { ...x, text: e.target.value } : x)))}
          />
          <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
            {t('actions.roadmap.remove', { item: item(i + 1) })}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => onChange([...rows, row({ text: '' })])}>
        {t(`actions.roadmap.${name}.add`)}
      </button>
      <FieldError error={onlyField(error, name)} field={name} id={`${id}-error`} />
    </fieldset>
  );
}
