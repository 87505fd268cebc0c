import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { AsyncState } from '../components/AsyncState';
import { Pager } from '../components/Pager';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';
import { CallTable } from './calls/CallTable';
import { OpenCallForm } from './calls/OpenCallForm';
import type { CallStatus } from './calls/types';
import '../components/screens.css';
import './case/case.css';
import './case/actions/actions.css';
import './calls/calls.css';

const LIMIT = 20;

/**
 * The calls for spearhead clusters, newest first, open or closed or all, page by page; whoever
 * may open one (the API says who: a policy owner) finds the form below the list.
 */
export function CallsPage() {
  const { t } = useTranslation();
  const { may } = useSession();
  const [status, setStatus] = useState<CallStatus | ''>('');
  const [offset, setOffset] = useState(0);
  const query = { limit: LIMIT, offset, status: status || undefined };
  const calls = useApiQuery(queryKeys.callList(query), () => api.GET('/api/calls', { params: { query } }));
  const items = calls.data?.items ?? [];

  return (
    <>
      <section aria-labelledby="calls-title">
        <h1 id="calls-title">{t('calls.title')}</h1>
        <p>{t('calls.intro')}</p>
        <div className="filters">
          <div>
            <label htmlFor="calls-status">{t('calls.filter')}</label>
            <select
              id="calls-status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as CallStatus | '');
                setOffset(0);
              }}
            >
              <option value="">{t('calls.filterAll')}</option>
              <option value="open">{t('calls.status.open')}</option>
              <option value="registration_closed">{t('calls.status.registration_closed')}</option>
            </select>
          </div>
        </div>
        {calls.loading && calls.data !== null ? (
          <p role="status" className="cp-note">
            {t('common.loading')}
          </p>
        ) : null}
        <AsyncState loading={calls.loading && calls.data === null} error={calls.error} empty={items.length === 0}>
          <CallTable calls={items} />
        </AsyncState>
        {calls.data ? <Pager area="calls" label={t('calls.pager.label')} total={calls.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} /> : null}
      </section>
      {may('openCall') ? <OpenCallForm /> : null}
    </>
  );
}
