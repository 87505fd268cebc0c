import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../../components/FieldErrors';
import { uploadForm } from '../../council/upload';
import { describedBy, hasFieldError } from '../actions/form/fieldErrors';
import { TextAreaField, TextField } from '../actions/form/Field';
import { SubmitRow } from '../actions/form/SubmitRow';
import { useAction } from '../actions/form/useAction';
import type { GovernmentDecisionRecord } from './GovernmentDecisions';

/**
 * Records the Flemish Government's decision (number, date, signed PDF), or, once recorded,
 * corrects the current record (a new record naming it, with a reason; the PDF only if it changed).
 * The API checks the number's form and date; its messages show beside the fields.
 */
export function GovernmentDecisionForm({ caseId, current, onDone }: { caseId: string; current: GovernmentDecisionRecord | null; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const { busy, error, setError, run } = useAction();
  const file = useRef<HTMLInputElement>(null);
  const [number, setNumber] = useState('');
  const [decidedOn, setDecidedOn] = useState('');
  const [reason, setReason] = useState('');
  const correcting = current !== null;
  const k = (key: string) => t(`casePage.decision.government.${key}`);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const pdf = file.current?.files?.[0] ?? null;
    if (!pdf && !correcting) return setError({ fieldErrors: [{ field: 'file', messages: [k('chooseFile')] }] });
    const fields: Record<string, string> = { number, decidedOn, ...(current ? { supersedesId: current.id, reason } : {}) };
    const saved = await run(() => uploadForm<GovernmentDecisionRecord>(`/api/cases/${caseId}/government-decisions`, pdf, fields));
    if (saved) onDone(t('casePage.decision.government.done', { number: saved.number }));
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="gd-form-title" className="cp-card">
      <h3 id="gd-form-title">{correcting ? t('casePage.decision.government.correctTitle', { number: current.number }) : k('recordTitle')}</h3>
      <TextField id="gd-number" label={k('number')} field="number" error={error} hint={k('numberHint')} value={number} onChange={(e) => setNumber(e.target.value)} maxLength={32} autoComplete="off" />
      <TextField id="gd-date" type="date" label={k('decidedOn')} field="decidedOn" error={error} value={decidedOn} onChange={(e) => setDecidedOn(e.target.value)} />
      <div className="action-field">
        <label htmlFor="gd-file">{k('file')}</label>
        <span id="gd-file-hint" className="action-hint">
          {correcting ? k('fileHintCorrection') : k('fileHint')}
        </span>
        <input id="gd-file" ref={file} type="file" accept=".pdf,application/pdf" aria-invalid={hasFieldError(error, 'file') || undefined} aria-describedby={describedBy(error, 'file', 'gd-file-error', 'gd-file-hint')} />
        <FieldError error={error} field="file" id="gd-file-error" />
      </div>
      {correcting ? <TextAreaField id="gd-reason" label={k('reason')} field="reason" error={error} hint={k('reasonHint')} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={2000} /> : null}
      <FieldError error={error} field="supersedesId" id="gd-supersedes-error" />
      <SubmitRow label={correcting ? k('correct') : k('record')} error={error && !error.fieldErrors?.length ? error : null} busy={busy} />
    </form>
  );
}
