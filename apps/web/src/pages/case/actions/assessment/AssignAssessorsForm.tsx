import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../../api/client';
import { FieldError } from '../../../../components/FieldErrors';
import { describedBy } from '../form/fieldErrors';
import { useAction } from '../form/useAction';
import type { CaseView } from '../who';
import type { Assignment } from './useAssessmentOverview';
import type { User } from './useCaseHandlers';
import { SubmitRow } from '../form/SubmitRow';

/**
 * The account manager assigns assessors: case handlers other than themselves, not yet assigned to
 * this version. (One who declares a conflict is replaced by assigning another.)
 */
export function AssignAssessorsForm({ view, handlers, assignments, onDone }: { view: CaseView; handlers: User[]; assignments: Assignment[]; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const [chosen, setChosen] = useState<string[]>([]);
  const { busy, error, run } = useAction();
  const candidates = handlers.filter((h) => h.id !== view.accountManagerId && !assignments.some((a) => a.assessorId === h.id));

  const toggle = (id: string, on: boolean) => setChosen((c) => (on ? [...c, id] : c.filter((x) => x !== id)));

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const result = await run(() => api.POST('/api/cases/{id}/assessors', { params: { path: { id: view.id } }, body: { assessorIds: chosen } }));
    if (!result) return;
    setChosen([]);
    onDone(t('actions.assessment.assigned', { count: result.assessorIds.length }));
  };

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-labelledby="assign-assessors-title">
      <h3 id="assign-assessors-title">{t('actions.assessment.assignTitle')}</h3>
      {candidates.length === 0 ? (
        <p className="empty">{t('actions.assessment.noCandidates')}</p>
      ) : (
        <fieldset className="action-choices" aria-describedby={describedBy(error, 'assessorIds', 'assign-assessors-error')}>
          <legend>{t('actions.assessment.chooseAssessors')}</legend>
          {candidates.map((h) => (
            <div key={h.id} className="action-choice">
              <input type="checkbox" id={`assessor-${h.id}`} checked={chosen.includes(h.id)} onChange={(e) => toggle(h.id, e.target.checked)} />
              <label htmlFor={`assessor-${h.id}`}>{h.displayName}</label>
            </div>
          ))}
          <FieldError error={error} field="assessorIds" id="assign-assessors-error" />
        </fieldset>
      )}
      <SubmitRow label={t('actions.assessment.assign')} error={error} busy={busy} disabled={candidates.length === 0} />
    </form>
  );
}
