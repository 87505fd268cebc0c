import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { queryKeys } from '../data/keys';
import { useApiQuery } from '../data/useApiQuery';
import { usePolicyChanged } from '../data/useInvalidate';
import { PolicyVersionView } from './admin/PolicyVersionView';
import { ProposalList } from './admin/ProposalList';
import { ProposalReview } from './admin/ProposalReview';
import { PublishForm } from './admin/PublishForm';
import type { PolicyProposalSummary, PolicySummary } from './admin/types';
import { VersionList } from './admin/VersionList';
import { useUsers } from '../data/useUsers';
import '../components/screens.css';

/**
 * Reference data for admins: the versions waiting for a second administrator, the published
 * versions, one of them in full, and proposing a new one. Publishing is four eyes: a proposal is
 * decided here (approve or send back) by an administrator other than its proposer.
 */
export function AdminPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const versionsRead = useApiQuery(queryKeys.policyVersions(), () => api.GET('/api/policy-versions'));
  const versions: PolicySummary[] | null = versionsRead.pending ? null : (versionsRead.data ?? []);
  // The form prefills itself with the newest version each time it is read (again after a proposal).
  const latest = useApiQuery(queryKeys.policyLatest(), () => api.GET('/api/policy-versions/latest'), { newObjectEachRead: true }).data?.content ?? null;
  const waiting = useApiQuery(queryKeys.policyProposals(), () => api.GET('/api/policy-proposals', { params: { query: { status: 'proposed', limit: 200 } } }));
  const proposals: PolicyProposalSummary[] | null = waiting.pending ? null : (waiting.data?.items ?? []);
  const policyChanged = usePolicyChanged();
  // One version or one proposal is shown in full at a time (their sections share headings).
  const [shown, setShown] = useState<number | null>(null);
  const [chosen, setChosen] = useState<string | null>(null);
  const [notice, setNotice] = useState('');

  const show = (version: number | null) => {
    setChosen(null);
    setShown(version);
  };
  const choose = (id: string | null) => {
    setShown(null);
    setChosen(id);
  };

  const nameOf = (id: string) => (id === 'system' ? t('admin.system') : (users.find((u) => u.id === id)?.displayName ?? id));

  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">{t('admin.title')}</h1>
      <p>
        {t('admin.intro')} <Link to="/admin/users">{t('people.toUsers')}</Link>
      </p>
      <p role="status" className="status-note">
        {notice}
      </p>
      <ProposalList proposals={proposals} error={waiting.error} nameOf={nameOf} chosen={chosen} onChoose={choose} />
      {chosen !== null ? (
        <ProposalReview
          key={chosen}
          id={chosen}
          nameOf={nameOf}
          onCancel={() => choose(null)}
          onDecided={(o) => {
            setNotice(o.decision === 'approve' ? t('admin.proposal.published', { version: o.version }) : t('admin.proposal.sentBack'));
            if (o.version !== null) show(o.version);
            else choose(null);
            policyChanged();
          }}
        />
      ) : null}
      <VersionList versions={versions} error={versionsRead.error} nameOf={nameOf} shown={shown} onView={show} />
      {shown !== null ? <PolicyVersionView key={shown} version={shown} nameOf={nameOf} /> : null}
      <PublishForm
        latest={latest}
        onProposed={() => {
          setNotice(t('admin.publish.done'));
          policyChanged();
        }}
      />
    </section>
  );
}
