import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../api/client';
import { AsyncState } from '../../components/AsyncState';
import { formatDateTime } from '../../format';
import type { PolicyProposalSummary } from './types';

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
        <div className="table-scroll">
          <table>
            <caption className="visually-hidden">{t('admin.proposals.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('admin.proposals.proposedAt')}</th>
                <th scope="col">{t('admin.proposals.proposedBy')}</th>
                <th scope="col">{t('admin.proposals.reason')}</th>
                <th scope="col">{t('admin.proposals.basedOn')}</th>
                <th scope="col">{t('admin.versions.action')}</th>
              </tr>
            </thead>
            <tbody>
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
            </tbody>
          </table>
        </div>
      </AsyncState>
    </section>
  );
}
