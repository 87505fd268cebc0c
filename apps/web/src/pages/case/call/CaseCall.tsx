import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { useCallsChanged } from '../../../data/useInvalidate';
import { useRequestId } from '../../../data/useRequestId';
import { formatMomentInWords } from '../../../format';
import { SelectField } from '../actions/form/Field';
import { SubmitRow } from '../actions/form/SubmitRow';
import { useAction } from '../actions/form/useAction';
import type { CaseView } from '../actions/who';

/** The call the case is registered to, by its title as a link (or that it belongs to none): one fact of the case. */
export function CallFact({ view }: { view: CaseView }) {
  const { t } = useTranslation();
  const call = useApiQuery(queryKeys.call(view.callId ?? ''), () => api.GET('/api/calls/{id}', { params: { path: { id: view.callId ?? '' } } }), { enabled: view.callId !== null });
  return (
    <>
      <dt>{t('caseCall.label')}</dt>
      <dd>{view.callId === null ? t('caseCall.none') : <Link to={`/calls/${view.callId}`}>{call.data?.title ?? t('caseCall.theCall')}</Link>}</dd>
    </>
  );
}

/**
 * Whether to offer registration: the API's answer for this person and case (the case's editors,
 * while its roadmap is drafted), read from the same "may I" query as the rest of the case page.
 */
function useMayRegister(view: CaseView): boolean {
  const { data } = useApiQuery(queryKeys.casePermissions(view.id, view.updatedAt), () => api.GET('/api/cases/{id}/permissions', { params: { path: { id: view.id } } }));
  const answer = data?.caseId === view.id ? data.actions.find((a) => a.action === 'registerForCall') : undefined;
  return Boolean(answer?.allowed && answer.allowedInStage);
}

/** Registering a drafting case to one of the open calls; once registered, the case belongs to that call for good. */
export function CallRegistration({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const mayRegister = useMayRegister(view);
  if (view.callId !== null || !mayRegister) return null;
  return <RegistrationForm view={view} onChanged={onChanged} />;
}

function RegistrationForm({ view, onChanged }: { view: CaseView; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const query = { status: 'open' as const, limit: 100, offset: 0 };
  const calls = useApiQuery(queryKeys.callList(query), () => api.GET('/api/calls', { params: { query } }));
  const callsChanged = useCallsChanged();
  const request = useRequestId();
  const { busy, error, run } = useAction();
  const [callId, setCallId] = useState('');
  const open = calls.data?.items ?? [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const done = await run(() => api.POST('/api/cases/{id}/call', { params: { path: { id: view.id } }, body: { callId }, headers: request.headers }));
    if (!done) return;
    request.renew();
    callsChanged();
    onChanged();
  };

  return (
    <details className="cp-card">
      <summary>{t('caseCall.register.title')}</summary>
      <form onSubmit={(e) => void submit(e)} noValidate aria-labelledby="case-call-title">
        <h3 id="case-call-title">{t('caseCall.register.title')}</h3>
        <p>{t('caseCall.register.intro')}</p>
        {calls.data && open.length === 0 ? (
          <p className="empty">{t('caseCall.register.noOpenCalls')}</p>
        ) : (
          <>
            <SelectField id="case-call" label={t('caseCall.register.call')} field="callId" error={error} value={callId} onChange={(e) => setCallId(e.target.value)}>
              <option value="">{t('caseCall.register.choose')}</option>
              {open.map((c) => (
                <option key={c.id} value={c.id}>
                  {t('caseCall.register.option', { title: c.title, moment: formatMomentInWords(c.registrationClosesAt, i18n.language) })}
                </option>
              ))}
            </SelectField>
            <SubmitRow label={t('caseCall.register.submit')} error={error} busy={busy} disabled={callId === ''} />
          </>
        )}
      </form>
    </details>
  );
}
