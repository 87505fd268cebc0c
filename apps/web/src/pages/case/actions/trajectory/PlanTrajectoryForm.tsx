import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { FieldError } from '../../../../components/FieldErrors';
import { formatCents } from '../../../../format';
import { SelectField, TextField } from '../form/Field';
import { describedBy, onlyField } from '../form/fieldErrors';
import { eurosToCents } from '../form/money';
import { useAction } from '../form/useAction';
import type { Policy } from '../../usePolicyVersion';
import { useLocalized } from '../../usePolicyVersion';
import { row, type Row } from '../form/rows';
import type { CaseView } from '../who';
import { SubmitRow } from '../form/SubmitRow';

type Plan = components['schemas']['PlanTrajectoryDto'];
interface MilestoneRow {
  action: string;
  instrumentCode: string;
  euros: string;
  dueDate: string;
}

/** The account manager plans the test trajectory: milestones as action × instrument, amount, due date. */
export function PlanTrajectoryForm({ view, policy, onDone }: { view: CaseView; policy: Policy; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const [rows, setRows] = useState<Row<MilestoneRow>[]>(() => [row({ action: '', instrumentCode: '', euros: '', dueDate: '' })]);
  const [pilot, setPilot] = useState(view.pilot);
  const { busy, error, run } = useAction();
  const change = (key: number, patch: Partial<MilestoneRow>) => setRows((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const body: Plan = { pilot, milestones: rows.map((r) => ({ action: r.action, instrumentCode: r.instrumentCode, amountForeseenCents: eurosToCents(r.euros), dueDate: r.dueDate })) };
    const result = await run(() => api.POST('/api/cases/{id}/trajectory', { params: { path: { id: view.id } }, body }));
    if (result) onDone(t('actions.trajectory.planned', { count: result.length }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="plan-title">
      <h3 id="plan-title">{t('actions.trajectory.planTitle')}</h3>
      <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'milestones'), 'milestones', 'plan-milestones-error')}>
        <legend>{t('actions.trajectory.milestones')}</legend>
        {rows.map((r, i) => {
          const n = i + 1;
          const cents = eurosToCents(r.euros);
          return (
            <div key={r.key} className="action-item">
              <TextField id={`plan-${r.key}-action`} label={t('actions.trajectory.action', { n })} field={`milestones.${i}.action`} error={error} value={r.action} onChange={(e) => change(r.key, { action: e.target.value })} />
              <SelectField id={`plan-${r.key}-instrument`} label={t('actions.trajectory.instrument', { n })} field={`milestones.${i}.instrumentCode`} error={error} value={r.instrumentCode} onChange={(e) => change(r.key, { instrumentCode: e.target.value })}>
                <option value="">{t('actions.choose')}</option>
                {policy.instruments.map((ins) => (
                  <option key={ins.code} value={ins.code}>
                    {ins.code}: {localized(ins.name)}
                  </option>
                ))}
              </SelectField>
              <TextField id={`plan-${r.key}-amount`} inputMode="decimal" label={t('actions.trajectory.amount', { n })} hint={Number.isNaN(cents) ? t('actions.amountHint') : formatCents(cents)} field={`milestones.${i}.amountForeseenCents`} error={error} value={r.euros} onChange={(e) => change(r.key, { euros: e.target.value })} />
              <TextField id={`plan-${r.key}-due`} type="date" label={t('actions.trajectory.dueDate', { n })} field={`milestones.${i}.dueDate`} error={error} value={r.dueDate} onChange={(e) => change(r.key, { dueDate: e.target.value })} />
              <button type="button" onClick={() => setRows((rs) => rs.filter((x) => x.key !== r.key))}>
                {t('actions.trajectory.remove', { n })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => setRows((rs) => [...rs, row({ action: '', instrumentCode: '', euros: '', dueDate: '' })])}>
          {t('actions.trajectory.add')}
        </button>
        <FieldError error={onlyField(error, 'milestones')} field="milestones" id="plan-milestones-error" />
      </fieldset>
      <div className="action-choice">
        <input type="checkbox" id="plan-pilot" checked={pilot} onChange={(e) => setPilot(e.target.checked)} />
        <label htmlFor="plan-pilot">{t('actions.trajectory.pilot')}</label>
      </div>
      <SubmitRow label={t('actions.trajectory.plan')} error={error} busy={busy} />
    </form>
  );
}
