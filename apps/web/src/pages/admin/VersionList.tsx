import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { formatDateTime } from '../../format';
import type { PolicySummary } from './types';
import { DataTable } from '../../components/DataTable';

/** Every published version of the reference data, newest first; the newest is what new cases start with. */
export function VersionList({ versions, error, nameOf, shown, onView }: { versions: PolicySummary[] | null; error: ApiError | null; nameOf: (id: string) => string; shown: number | null; onView: (v: number) => void }) {
  const { t } = useTranslation();
  const newest = versions?.[0]?.version;
  return (
    <section aria-labelledby="admin-versions-title">
      <h2 id="admin-versions-title">{t('admin.versions.title')}</h2>
      <AsyncState loading={versions === null} error={error} empty={versions?.length === 0}>
        <DataTable caption={t('admin.versions.title')} columns={[t('admin.versions.version'), t('admin.versions.publishedAt'), t('admin.versions.publishedBy'), t('admin.versions.approvedBy'), t('admin.versions.sha256'), t('admin.versions.action')]}>
          {versions?.map((v) => (
            <tr key={v.version}>
              <th scope="row">
                {v.version}
                {v.version === newest ? (
                  <>
                    {' '}
                    <strong className="tag ok">{t('admin.versions.latest')}</strong>
                  </>
                ) : null}
              </th>
              <td>{formatDateTime(v.createdAt)}</td>
              <td>{nameOf(v.createdBy)}</td>
              <td>{v.approvedBy ? nameOf(v.approvedBy) : '—'}</td>
              <td>
                <code className="hash">{v.sha256}</code>
              </td>
              <td>
                <button type="button" onClick={() => onView(v.version)} aria-pressed={shown === v.version}>
                  {t('admin.versions.view', { version: v.version })}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      </AsyncState>
    </section>
  );
}
