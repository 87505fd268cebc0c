import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy, onlyField } from '../form/fieldErrors';
import { TextField } from '../form/Field';
import { row, type Row } from '../form/rows';

type Milestone = components['schemas']['MilestoneDto'];

/** The roadmap's milestones: a title and a due date per row; the API answers per row and field. */
export function MilestonesField({ rows, onChange, error }: { rows: Row<Milestone>[]; onChange: (rows: Row<Milestone>[]) => void; error: ApiError | null }) {
  const { t } = useTranslation();
  const change = (key: number, patch: Partial<Milestone>) => onChange(rows.map((x) => (x.key === key ? { ...x, ...patch } : x)));
  return (
    <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'milestones'), 'milestones', 'roadmap-milestones-error')}>
      <legend>{t('actions.roadmap.milestones.legend')}</legend>
      {rows.length === 0 ? <p className="action-hint">{t('actions.roadmap.noRows')}</p> : null}
      {rows.map((r, i) => {
        const n = i + 1;
        return (
          <div key={r.key} className="action-row action-row-pair">
            <TextField id={`roadmap-milestone-${r.key}-title`} label={t('actions.roadmap.milestones.title', { n })} field={`milestones.${i}.title`} error={error} value={r.title} onChange={(e) => change(r.key, { title: e.target.value })} />
            <TextField id={`roadmap-milestone-${r.key}-due`} type="date" label={t('actions.roadmap.milestones.dueDate', { n })} field={`milestones.${i}.dueDate`} error={error} value={r.dueDate} onChange={(e) => change(r.key, { dueDate: e.target.value })} />
            <button type="button" className="action-remove" onClick={() => onChange(rows.filter((x) => x.key !== r.key))}>
              {t('actions.roadmap.remove', { item: t('actions.roadmap.milestones.item', { n }) })}
            </button>
          </div>
        );
      })}
      <button type="button" onClick={() => onChange([...rows, row({ title: '', dueDate: '' })])}>
        {t('actions.roadmap.milestones.add')}
      </button>
      <FieldError error={onlyField(error, 'milestones')} field="milestones" id="roadmap-milestones-error" />
    </fieldset>
  );
}
