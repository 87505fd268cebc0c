import { useCallback, useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api, errorOf, type ApiError } from '../api/client';
import { PolicyVersionView } from './admin/PolicyVersionView';
import { PublishForm } from './admin/PublishForm';
import type { PolicyDocument, PolicySummary } from './admin/types';
import { VersionList } from './admin/VersionList';
import { useUsers } from './auditor/useUsers';
import './auditor/screens.css';

/** Reference data for admins: the published versions, one version in full, and publishing a new one. */
export function AdminPage() {
  const { t } = useTranslation();
  const users = useUsers();
  const [versions, setVersions] = useState<PolicySummary[] | null>(null);
  const [latest, setLatest] = useState<PolicyDocument | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [shown, setShown] = useState<number | null>(null);
  const [notice, setNotice] = useState('');

  const load = useCallback(async () => {
    const [{ data, error }, newest] = await Promise.all([api.GET('/api/policy-versions'), api.GET('/api/policy-versions/latest')]);
    setVersions(data ?? []);
    setError(error ? errorOf(error) : null);
    setLatest(newest.data?.content ?? null);
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

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
      <VersionList versions={versions} error={error} nameOf={nameOf} shown={shown} onView={setShown} />
      {shown !== null ? <PolicyVersionView key={shown} version={shown} nameOf={nameOf} /> : null}
      <PublishForm
        latest={latest}
        onPublished={(v) => {
          setNotice(t('admin.publish.done', { version: v }));
          setShown(v);
          void load();
        }}
      />
    </section>
  );
}
