import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { AsyncState } from '../components/AsyncState';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';
import { useApprovalDecided } from '../data/useInvalidate';
import { ApprovalsTable } from './approvals/ApprovalsTable';
import { DecisionForm } from './approvals/DecisionForm';
import { STATUSES, type Approval, type ApprovalStatus, type Decision } from './approvals/types';
import { Pager } from '../components/Pager';
import '../components/screens.css';

const PAGE_SIZE = 50;

/** What waits on my approval (decisions and budget releases), oldest first; and what was decided. */
export function ApprovalsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ApprovalStatus>('pending');
  const [offset, setOffset] = useState(0);
  const [chosen, setChosen] = useState<Approval | null>(null);
  const [notice, setNotice] = useState('');

  const query = { status, limit: PAGE_SIZE, offset };
  const answer = useApiQuery(queryKeys.approvalList(query), () => api.GET('/api/approvals', { params: { query } }), { keepPrevious: false });
  const page: { items: Approval[]; total: number } | null = answer.pending ? null : (answer.data ?? { items: [], total: 0 });
  const error = answer.error;
  const approvalDecided = useApprovalDecided();

  const decided = (a: Approval, d: Decision) => {
    setChosen(null);
    approvalDecided();
    setNotice(t(`approvals.form.done.${d}`, { summary: a.summary }));
  };

  return (
    <section aria-labelledby="approvals-title">
      <h1 id="approvals-title">{t('approvals.title')}</h1>
      <p>{t('approvals.intro')}</p>
      <p role="status" className="status-note">
        {notice}
      </p>
      <label htmlFor="approvals-status">{t('approvals.show')}</label>
      <select
        id="approvals-status"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as ApprovalStatus);
          setOffset(0);
          setChosen(null);
        }}
      >
        {STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`approvals.status.${s}`)}
          </option>
        ))}
      </select>
      <AsyncState loading={page === null} error={error} empty={page?.items.length === 0}>
        <ApprovalsTable
          items={page?.items ?? []}
          status={status}
          onChoose={(a) => {
            setNotice('');
            setChosen(a);
          }}
        />
        <Pager area="approvals" label={t('approvals.pager.label')} total={page?.total ?? 0} limit={PAGE_SIZE} offset={offset} onOffset={setOffset} />
      </AsyncState>
      {chosen ? <DecisionForm key={chosen.id} approval={chosen} onDecided={decided} onCancel={() => setChosen(null)} /> : null}
    </section>
  );
}
