import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { queryKeys } from '../../data/keys';
import { useApiQuery } from '../../data/useApiQuery';
import { useCallsChanged } from '../../data/useInvalidate';
import { useRequestId } from '../../data/useRequestId';
import { TextAreaField, TextField } from '../case/actions/form/Field';
import { SubmitRow } from '../case/actions/form/SubmitRow';
import { useAction } from '../case/actions/form/useAction';
import { row, type Row } from '../case/actions/form/rows';
import { EnvelopeRows, envelopesBody, type EnvelopeRow } from './EnvelopeRows';

/** A whole number as typed, or null (sent as such, so the API names the field). */
const wholeNumber = (text: string): number => (/^\s*\d+\s*$/.test(text) ? Number(text) : (null as unknown as number));

const blank = () => ({ title: '', description: '', periodStart: '', periodEnd: '', submissionDeadline: '', maxSelected: '' });

/**
 * A policy owner opens a call: title, description, period, the submission deadline (its rule in
 * words beside it), how many clusters it selects and an envelope per instrument of the reference
 * data in force. The API checks everything and names each field it refuses; the form shows that
 * beside the field. The request id stays the same while the person retries, so a retry whose first
 * attempt did arrive opens one call, not two.
 */
export function OpenCallForm() {
  const { t } = useTranslation();
  const policy = useApiQuery(queryKeys.policyLatest(), () => api.GET('/api/policy-versions/latest'));
  const callsChanged = useCallsChanged();
  const request = useRequestId();
  const { busy, error, run } = useAction();
  const [fields, setFields] = useState(blank);
  const [rows, setRows] = useState<Row<EnvelopeRow>[]>(() => [row({ instrumentCode: '', euros: '' })]);
  const [opened, setOpened] = useState<{ id: string; title: string } | null>(null);
  const set = (name: keyof ReturnType<typeof blank>) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setOpened(null);
    const body = { ...fields, maxSelected: wholeNumber(fields.maxSelected), envelopes: envelopesBody(rows) };
    const call = await run(() => api.POST('/api/calls', { body, headers: request.headers }));
    if (!call) return;
    request.renew();
    setFields(blank());
    setRows([row({ instrumentCode: '', euros: '' })]);
    setOpened({ id: call.id, title: call.title });
    callsChanged();
  };

  return (
    <section aria-labelledby="open-call-title" className="cp-section action-section">
      <h2 id="open-call-title">{t('calls.open.title')}</h2>
      {opened ? (
        <p role="status" className="status-note">
          {t('calls.open.done')} <Link to={`/calls/${opened.id}`}>{opened.title}</Link>
        </p>
      ) : null}
      {policy.pending ? <Loading /> : policy.error ? <LoadError error={policy.error} /> : (
        <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="open-call-title">
          <TextField id="call-title" label={t('calls.open.callTitle')} field="title" error={error} value={fields.title} onChange={set('title')} />
          <TextAreaField id="call-description" label={t('calls.open.description')} field="description" error={error} value={fields.description} onChange={set('description')} />
          <TextField id="call-periodStart" type="date" label={t('calls.open.periodStart')} field="periodStart" error={error} value={fields.periodStart} onChange={set('periodStart')} />
          <TextField id="call-periodEnd" type="date" label={t('calls.open.periodEnd')} field="periodEnd" error={error} value={fields.periodEnd} onChange={set('periodEnd')} />
          <TextField id="call-submissionDeadline" type="date" label={t('calls.open.deadline')} hint={t('calls.open.deadlineHint')} field="submissionDeadline" error={error} value={fields.submissionDeadline} onChange={set('submissionDeadline')} />
          <TextField id="call-maxSelected" inputMode="numeric" label={t('calls.open.maxSelected')} hint={t('calls.open.maxSelectedHint')} field="maxSelected" error={error} value={fields.maxSelected} onChange={set('maxSelected')} />
          <EnvelopeRows rows={rows} instruments={policy.data?.content.instruments ?? []} onChange={setRows} error={error} />
          <SubmitRow label={t('calls.open.submit')} error={error} busy={busy} />
        </form>
      )}
    </section>
  );
}
