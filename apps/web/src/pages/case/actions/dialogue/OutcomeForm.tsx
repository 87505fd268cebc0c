import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import type { components } from '../../../../api/schema';
import { FieldError } from '../../../../components/FieldErrors';
import { ChoiceGroup } from '../form/ChoiceGroup';
import { TextAreaField, TextField } from '../form/Field';
import { describedBy, onlyField } from '../form/fieldErrors';
import { useAction } from '../form/useAction';
import { row, type Row } from '../form/rows';
import type { CaseView } from '../who';
import type { DialogueCycle } from './useDialogue';
import { SubmitRow } from '../form/SubmitRow';

type Outcome = components['schemas']['OutcomeDto']['outcome'];
type Action = components['schemas']['ActionDto'];
const OUTCOMES: Outcome[] = ['on_track', 'attention', 'off_track'];

/** The account manager records a cycle's outcome and the agreed actions (who, what, by when). */
export function OutcomeForm({ view, cycle, onDone }: { view: CaseView; cycle: DialogueCycle; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome | ''>('');
  const [actions, setActions] = useState<Row<Action>[]>([]);
  const { busy, error, run } = useAction();
  const change = (key: number, patch: Partial<Action>) => setActions((rs) => rs.map((r) => (r.key === key ? { ...r, ...patch } : r)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    // Without a choice the outcome goes as null, and the API names the field.
    const body = { outcome: (outcome || null) as Outcome, actions: actions.map(({ description, owner, dueDate }) => ({ description, owner, dueDate })) };
    const result = await run(() => api.POST('/api/cases/{id}/dialogue/cycles/{cycle}/outcome', { params: { path: { id: view.id, cycle: cycle.cycle } }, body }));
    if (result) onDone(t('actions.dialogue.concluded', { cycle: cycle.cycle }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="outcome-title">
      <h3 id="outcome-title">{t('actions.dialogue.outcomeTitle', { cycle: cycle.cycle })}</h3>
      {cycle.reportMissing ? <p>{t('actions.dialogue.reportMissing')}</p> : null}
      <ChoiceGroup id="outcome-choice" legend={t('actions.dialogue.outcome')} field="outcome" error={error} value={outcome} onChange={(v) => setOutcome(v as Outcome)} choices={OUTCOMES.map((o) => ({ value: o, label: t(`actions.dialogue.outcomes.${o}`) }))} />
      <fieldset className="action-list" aria-describedby={describedBy(onlyField(error, 'actions'), 'actions', 'outcome-actions-error')}>
        <legend>{t('actions.dialogue.actions')}</legend>
        {actions.length === 0 ? <p className="action-hint">{t('actions.roadmap.noRows')}</p> : null}
        {actions.map((a, i) => {
          const n = i + 1;
          return (
            <div key={a.key} className="action-item">
              <TextAreaField id={`outcome-action-${a.key}-description`} rows={2} label={t('actions.dialogue.actionDescription', { n })} field={`actions.${i}.description`} error={error} value={a.description} onChange={(e) => change(a.key, { description: e.target.value })} />
              <TextField id={`outcome-action-${a.key}-owner`} label={t('actions.dialogue.actionOwner', { n })} field={`actions.${i}.owner`} error={error} value={a.owner} onChange={(e) => change(a.key, { owner: e.target.value })} />
              <TextField id={`outcome-action-${a.key}-due`} type="date" label={t('actions.dialogue.actionDue', { n })} field={`actions.${i}.dueDate`} error={error} value={a.dueDate} onChange={(e) => change(a.key, { dueDate: e.target.value })} />
              <button type="button" onClick={() => setActions((rs) => rs.filter((x) => x.key !== a.key))}>
                {t('actions.dialogue.removeAction', { n })}
              </button>
            </div>
          );
        })}
        <button type="button" onClick={() => setActions((rs) => [...rs, row<Action>({ description: '', owner: '', dueDate: '' })])}>
          {t('actions.dialogue.addAction')}
        </button>
        <FieldError error={onlyField(error, 'actions')} field="actions" id="outcome-actions-error" />
      </fieldset>
      <SubmitRow label={t('actions.dialogue.recordOutcome')} error={error} busy={busy} />
    </form>
  );
}
