import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { AsyncState } from '../components/AsyncState';
import { LoadError } from '../components/LoadError';
import { Loading } from '../components/Loading';
import { Pager } from '../components/Pager';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';
import { formatCents, formatDate, formatDateTime, formatMomentInWords } from '../format';
import { CaseTable } from './case/list/CaseTable';
import { Envelopes, envelopeTotal } from './calls/Envelopes';
import { useUserNames } from './case/useUserNames';
import { SelectionSection } from './calls/selection/SelectionSection';
import type { Call } from './calls/types';
import '../components/screens.css';
import './case/case.css';
import './calls/calls.css';

const LIMIT = 20;

/** One call: its facts and the cases registered to it (its candidates). */
export function CallPage() {
  const { id = '' } = useParams();
  return <CallScreen key={id} id={id} />;
}

function CallScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const call = useApiQuery(queryKeys.call(id), () => api.GET('/api/calls/{id}', { params: { path: { id } } }));
  if (!call.data) {
    if (call.loading) return <Loading />;
    const reason = call.status === 404 || call.status === 400 ? 'notFound' : 'error';
    return (
      <section aria-labelledby="call-title">
        <h1 id="call-title">{t(`callPage.unavailable.${reason}`)}</h1>
        {call.error ? <LoadError error={call.error} /> : null}
        <p>
          <Link to="/calls">{t('callPage.back')}</Link>
        </p>
      </section>
    );
  }
  return (
    <article aria-labelledby="call-title" className="cp-page">
      <p className="cp-back">
        <Link to="/calls">{t('callPage.back')}</Link>
      </p>
      <h1 id="call-title">{call.data.title}</h1>
      <CallFacts call={call.data} />
      <Candidates call={call.data} />
      <SelectionSection call={call.data} />
    </article>
  );
}

function CallFacts({ call }: { call: Call }) {
  const { t, i18n } = useTranslation();
  const people = useUserNames();
  return (
    <section id="call-facts" aria-labelledby="call-facts-title" className="cp-section">
      <h2 id="call-facts-title">{t('callPage.facts')}</h2>
      {call.description ? <p className="call-description">{call.description}</p> : null}
      <dl className="cp-facts">
        <dt>{t('calls.columns.status')}</dt>
        <dd>{t(`calls.status.${call.status}`)}</dd>
        <dt>{t('callPage.period')}</dt>
        <dd>{t('callPage.periodRange', { from: formatDate(call.periodStart), to: formatDate(call.periodEnd) })}</dd>
        <dt>{t('callPage.deadline')}</dt>
        <dd>{formatDate(call.submissionDeadline)}</dd>
        <dt>{t('calls.columns.closesAt')}</dt>
        <dd>{t('calls.brusselsTime', { moment: formatMomentInWords(call.registrationClosesAt, i18n.language) })}</dd>
        <dt>{t('callPage.maxSelected')}</dt>
        <dd>{call.maxSelected}</dd>
        <dt>{t('calls.columns.candidates')}</dt>
        <dd>{t('calls.candidateCount', { count: call.candidates })}</dd>
        <dt>{t('calls.columns.envelopes')}</dt>
        <dd>
          <Envelopes call={call} />
          <span className="cp-note">{t('callPage.envelopeTotal', { amount: formatCents(envelopeTotal(call)) })}</span>
        </dd>
        <dt>{t('callPage.openedBy')}</dt>
        <dd>{t('callPage.openedByAt', { name: people.name(call.openedBy) ?? t('callPage.somebody'), at: formatDateTime(call.openedAt) })}</dd>
        <dt>{t('callPage.policyVersion')}</dt>
        <dd>{call.policyVersion}</dd>
      </dl>
    </section>
  );
}

/** The cases registered to the call, as whoever looks may see them (a cluster representative: only their own). */
function Candidates({ call }: { call: Call }) {
  const { t } = useTranslation();
  const [offset, setOffset] = useState(0);
  const query = { callId: call.id, limit: LIMIT, offset };
  const cases = useApiQuery(queryKeys.caseList(query), () => api.GET('/api/cases', { params: { query } }));
  const items = cases.data?.items ?? [];
  return (
    <section id="call-candidates" aria-labelledby="call-candidates-title" className="cp-section">
      <h2 id="call-candidates-title">{t('callPage.candidates')}</h2>
      {cases.status === 403 ? (
        <p className="empty">{t('callPage.candidatesNotForRole')}</p>
      ) : (
        <AsyncState loading={cases.loading && cases.data === null} error={cases.error} empty={false}>
          {items.length === 0 ? <p className="empty">{t('callPage.noCandidates')}</p> : <CaseTable cases={items} />}
        </AsyncState>
      )}
      {cases.data ? <Pager area="calls" label={t('callPage.candidatesPager')} total={cases.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} /> : null}
    </section>
  );
}
