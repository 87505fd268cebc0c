import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../../api/client';
import { formatCents } from '../../../format';
import { SelectField, TextAreaField, TextField } from '../actions/form/Field';
import { SubmitRow } from '../actions/form/SubmitRow';
import { eurosToCents } from '../actions/form/money';
import type { PolicyNames } from '../usePolicyVersion';
import { centsToEuroText, entryWords, targetValue, type Coverage, type Project, type ProjectStatus } from './projectWords';

/** The project's fields as typed. */
export interface ProjectInput {
  title: string;
  leadOrganisation: string;
  /** "objective:0", "milestone:1", or '' while none is chosen. */
  serves: string;
  instrumentCode: string;
  requested: string;
  granted: string;
  status: ProjectStatus;
  startDate: string;
  endDate: string;
  reason: string;
}

export function inputOf(p: Project | null, coverage: Coverage): ProjectInput {
  if (!p) return { title: '', leadOrganisation: '', serves: '', instrumentCode: '', requested: '', granted: '', status: 'idea', startDate: '', endDate: '', reason: '' };
  // A project on an earlier roadmap version is linked again only when the person chooses an entry.
  const current = p.roadmapVersion === coverage.roadmapVersion;
  return {
    title: p.title,
    leadOrganisation: p.leadOrganisation,
    serves: current ? targetValue(p.serves) : '',
    instrumentCode: p.instrumentCode,
    requested: centsToEuroText(p.requestedCents),
    granted: centsToEuroText(p.grantedCents),
    status: p.status,
    startDate: p.startDate ?? '',
    endDate: p.endDate ?? '',
    reason: '',
  };
}

/** Cents from the typed euros; null (sent as such, the API names the field) when it is not an amount. */
export const centsOf = (text: string): number => {
  const cents = eurosToCents(text);
  return (Number.isNaN(cents) ? null : cents) as number;
};

/**
 * The fields of a project, for adding and for changing one: what it serves among the objectives and
 * milestones of the current submitted roadmap, the instrument of the case's reference data, the
 * amounts in euro, and the statuses the API allows from here (`statuses`).
 */
export function ProjectForm({ id, title, initial, statuses, coverage, names, withReason, error, busy, submitLabel, onSubmit, onCancel }: {
  id: string;
  title: string;
  initial: ProjectInput;
  statuses: ProjectStatus[];
  coverage: Coverage;
  names: PolicyNames;
  withReason: boolean;
  error: ApiError | null;
  busy: boolean;
  submitLabel: string;
  onSubmit: (input: ProjectInput) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const [input, setInput] = useState(initial);
  const set = (name: keyof ProjectInput) => (e: { target: { value: string } }) => setInput((i) => ({ ...i, [name]: e.target.value }));
  const amountHint = (text: string, hint: string) => (Number.isNaN(eurosToCents(text)) ? hint : formatCents(eurosToCents(text)));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit(input);
  };
  const entries = [...coverage.objectives, ...coverage.milestones];
  return (
    <form onSubmit={submit} noValidate aria-labelledby={`${id}-title`} className="cp-card">
      <h3 id={`${id}-title`}>{title}</h3>
      <TextField id={`${id}-name`} label={t('projects.fields.title')} field="title" error={error} value={input.title} onChange={set('title')} />
      <TextField id={`${id}-lead`} label={t('projects.fields.leadOrganisation')} field="leadOrganisation" error={error} value={input.leadOrganisation} onChange={set('leadOrganisation')} />
      <SelectField id={`${id}-serves`} label={t('projects.fields.serves')} hint={t('projects.fields.servesHint', { version: coverage.roadmapVersion })} field="serves" error={error} value={input.serves} onChange={set('serves')}>
        <option value="">{t('projects.fields.choose')}</option>
        {entries.map((e) => (
          <option key={targetValue(e)} value={targetValue(e)}>
            {entryWords(t, e)}
          </option>
        ))}
      </SelectField>
      <SelectField id={`${id}-instrument`} label={t('projects.fields.instrument')} field="instrumentCode" error={error} value={input.instrumentCode} onChange={set('instrumentCode')}>
        <option value="">{t('projects.fields.choose')}</option>
        {(names.policy?.instruments ?? []).map((i) => (
          <option key={i.code} value={i.code}>
            {names.instrument(i.code)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${id}-requested`} inputMode="decimal" label={t('projects.fields.requested')} hint={amountHint(input.requested, t('projects.fields.amountHint'))} field="requestedCents" error={error} value={input.requested} onChange={set('requested')} />
      <TextField id={`${id}-granted`} inputMode="decimal" label={t('projects.fields.granted')} hint={input.granted.trim() === '' ? t('projects.fields.grantedHint') : amountHint(input.granted, t('projects.fields.amountHint'))} field="grantedCents" error={error} value={input.granted} onChange={set('granted')} />
      <SelectField id={`${id}-status`} label={t('projects.fields.status')} hint={t('projects.fields.statusHint')} field="status" error={error} value={input.status} onChange={set('status')}>
        {statuses.map((s) => (
          <option key={s} value={s}>
            {t(`projects.status.${s}`)}
          </option>
        ))}
      </SelectField>
      <TextField id={`${id}-start`} type="date" label={t('projects.fields.startDate')} field="startDate" error={error} value={input.startDate} onChange={set('startDate')} />
      <TextField id={`${id}-end`} type="date" label={t('projects.fields.endDate')} field="endDate" error={error} value={input.endDate} onChange={set('endDate')} />
      {withReason ? <TextAreaField id={`${id}-reason`} label={t('projects.fields.reason')} hint={t('projects.fields.reasonHint')} field="reason" error={error} rows={2} value={input.reason} onChange={set('reason')} /> : null}
      <SubmitRow label={submitLabel} error={error} busy={busy} />
      {onCancel ? (
        <div className="action-buttons">
          <button type="button" onClick={onCancel}>
            {t('projects.cancel')}
          </button>
        </div>
      ) : null}
    </form>
  );
}
