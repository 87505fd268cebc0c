import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { FieldError } from '../../../components/FieldErrors';
import { useRequestId } from '../../../data/useRequestId';
import { TextAreaField } from '../../case/actions/form/Field';
import { SubmitRow } from '../../case/actions/form/SubmitRow';
import { describedBy, onlyField } from '../../case/actions/form/fieldErrors';
import { useAction } from '../../case/actions/form/useAction';
import type { Candidate, Comparison } from './types';

type Choice = { selected: boolean; reason: string };

/** The proposed ranking's top `maxSelected` selected, every other eligible candidate not (the proposer changes what they disagree with). */
function preset(eligible: Candidate[], maxSelected: number): Record<string, Choice> {
  return Object.fromEntries(eligible.map((c) => [c.caseId, { selected: c.proposedRank != null && c.proposedRank <= maxSelected, reason: '' }]));
}

/**
 * A policy owner proposes the selection: per eligible candidate selected or not (with why not), and
 * the reason for the whole. The API checks it (libs/domain/src/selection.ts) and names each field
 * it refuses by its place in what was sent (`selected.0`, `notSelected.1.reason`), so the form
 * remembers which candidate stood at which place and shows the message beside that candidate.
 * The request id stays the same while the person retries after a lost answer, so that does not
 * propose twice; after a refusal it is renewed (see submit).
 */
export function ProposalForm({ comparison, onProposed }: { comparison: Comparison; onProposed: () => void }) {
  const { t } = useTranslation();
  const eligible = comparison.candidates.filter((c) => c.standing === 'eligible').sort((a, b) => (a.proposedRank ?? 0) - (b.proposedRank ?? 0));
  const notInTime = comparison.candidates.filter((c) => c.standing === 'not_in_time');
  const [choices, setChoices] = useState(() => preset(eligible, comparison.maxSelected));
  const [reason, setReason] = useState('');
  const [sent, setSent] = useState<{ selected: string[]; notSelected: string[] }>({ selected: [], notSelected: [] });
  const request = useRequestId();
  const { busy, error, run } = useAction();
  const choiceOf = (id: string): Choice => choices[id] ?? { selected: false, reason: '' };
  const set = (id: string, change: Partial<Choice>) => setChoices((all) => ({ ...all, [id]: { ...choiceOf(id), ...change } }));
  const count = eligible.filter((c) => choiceOf(c.caseId).selected).length;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const selected = eligible.filter((c) => choiceOf(c.caseId).selected).map((c) => c.caseId);
    const notSelected = eligible.filter((c) => !choiceOf(c.caseId).selected).map((c) => ({ caseId: c.caseId, reason: choiceOf(c.caseId).reason }));
    setSent({ selected, notSelected: notSelected.map((n) => n.caseId) });
    const body = { selected, notSelected, reason };
    let answered = false;
    const done = await run(async () => {
      const answer = await api.POST('/api/calls/{id}/selection', { params: { path: { id: comparison.callId } }, body, headers: request.headers });
      answered = true;
      return answer;
    });
    // Refused with an answer (400, 409, …): nothing was proposed, and the call's process remembers
    // each request id's outcome, so the corrected proposal needs a new id. Without an answer (lost,
    // network) the same id goes again: had the first arrived, the API answers what it did.
    if (!done) {
      if (answered) request.renew();
      return;
    }
    request.renew();
    onProposed();
  };

  /** The API's field for this candidate's choice, as it was sent. */
  const fieldOf = (id: string): string | null => {
    const s = sent.selected.indexOf(id);
    if (s >= 0) return `selected.${s}`;
    const n = sent.notSelected.indexOf(id);
    return n >= 0 ? `notSelected.${n}` : null;
  };

  return (
    <section id="call-proposal" aria-labelledby="call-proposal-title" className="cp-section action-section">
      <h2 id="call-proposal-title">{t('callPage.selection.propose.title')}</h2>
      <p>{t('callPage.selection.propose.intro', { count: comparison.maxSelected })}</p>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="call-proposal-title">
        {eligible.length === 0 ? <p className="empty">{t('callPage.selection.propose.noEligible')}</p> : null}
        {eligible.map((c) => {
          const id = `proposal-${c.caseId}`;
          const choice = choiceOf(c.caseId);
          const field = fieldOf(c.caseId);
          const choiceField = field?.startsWith('notSelected') ? `${field}.caseId` : field;
          const choiceError = choiceField ? onlyField(error, choiceField) : null;
          return (
            <fieldset key={c.caseId} className="action-choices sel-choice" aria-describedby={choiceField ? describedBy(error, choiceField, `${id}-error`) : undefined}>
              <legend>{t('callPage.selection.propose.candidate', { name: c.clusterName, rank: c.proposedRank ?? '—' })}</legend>
              {(['selected', 'not_selected'] as const).map((value) => (
                <div key={value} className="action-choice">
                  <input type="radio" id={`${id}-${value}`} name={id} checked={choice.selected === (value === 'selected')} onChange={() => set(c.caseId, { selected: value === 'selected' })} />
                  <label htmlFor={`${id}-${value}`}>{t(`callPage.selection.outcome.${value}`)}</label>
                </div>
              ))}
              {choiceField ? <FieldError error={choiceError} field={choiceField} id={`${id}-error`} /> : null}
              {choice.selected ? null : (
                <TextAreaField
                  id={`${id}-reason`}
                  label={t('callPage.selection.propose.notSelectedReason', { name: c.clusterName })}
                  hint={t('callPage.selection.propose.reasonHint')}
                  field={field ? `${field}.reason` : `unsent.${c.caseId}`}
                  error={error}
                  rows={3}
                  value={choice.reason}
                  onChange={(e) => set(c.caseId, { reason: e.target.value })}
                />
              )}
            </fieldset>
          );
        })}
        {notInTime.length ? <p className="cp-note">{t('callPage.selection.propose.notInTime', { names: notInTime.map((c) => c.clusterName).join(', ') })}</p> : null}
        <p id="proposal-count" className={count > comparison.maxSelected ? 'cp-badge' : undefined}>
          {t('callPage.selection.propose.count', { count, max: comparison.maxSelected })}
        </p>
        <FieldError error={onlyField(error, 'selected')} field="selected" id="proposal-selected-error" />
        <FieldError error={onlyField(error, 'notSelected')} field="notSelected" id="proposal-notSelected-error" />
        <TextAreaField id="proposal-reason" label={t('callPage.selection.propose.reason')} hint={t('callPage.selection.propose.overallHint')} field="reason" error={error} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
        <SubmitRow label={t('callPage.selection.propose.submit')} error={error && !error.fieldErrors?.length ? error : null} busy={busy} />
      </form>
    </section>
  );
}
