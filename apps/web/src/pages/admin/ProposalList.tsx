import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { formatDateTime } from '../../format';
import type { PolicyProposalSummary } from './types';
import { DataTable } from '../../components/DataTable';

/**
 * Versions proposed and not yet published, oldest first, with who proposed them. Publishing is
 * four eyes: another administrator reviews one here and approves or sends it back.
 */
export function ProposalList({ proposals, error, nameOf, chosen, onChoose }: { proposals: PolicyProposalSummary[] | null; error: ApiError | null; nameOf: (id: string) => string; chosen: string | null; onChoose: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="admin-proposals-title">
      <h2 id="admin-proposals-title">{t('admin.proposals.title')}</h2>
      <p>{t('admin.proposals.intro')}</p>
      <AsyncState loading={proposals === null} error={error} empty={proposals?.length === 0}>
        <DataTable caption={t('admin.proposals.title')} columns={[t('admin.proposals.proposedAt'), t('admin.proposals.proposedBy'), t('admin.proposals.reason'), t('admin.proposals.basedOn'), t('admin.versions.action')]}>
          {proposals?.map((p) => (
            <tr key={p.id}>
              <td>{formatDateTime(p.proposedAt)}</td>
              <td>{nameOf(p.proposedBy)}</td>
              <td>{p.reason}</td>
              <td>{p.basedOn ?? '—'}</td>
              <td>
                <button type="button" onClick={() => onChoose(p.id)} aria-pressed={chosen === p.id}>
                  {t('admin.proposals.review', { by: nameOf(p.proposedBy) })}
                </button>
              </td>
            </tr>
          ))}
        </DataTable>
      </AsyncState>
    </section>
  );
}
