import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { formatDateTime } from '../../../format';
import { ScrollTable } from '../CaseSection';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import type { UserNames } from '../useUserNames';

/** How the case's lead actors and partners changed: when, by whom, from what to what, and why. */
export function PartyAmendments({ caseId, people }: { caseId: string; people: UserNames }) {
  const { t } = useTranslation();
  const loaded = useApiQuery(queryKeys.casePartyAmendments(caseId), () => api.GET('/api/cases/{id}/parties/amendments', { params: { path: { id: caseId } } }));
  const amendments = loaded.data ?? [];
  if (amendments.length === 0) return null;
  const names = (list: string[]) => list.join(', ') || '—';
  return (
    <>
      <h3>{t('casePage.parties.history')}</h3>
      <ScrollTable label={t('casePage.parties.history')}>
        <table>
          <caption className="visually-hidden">{t('casePage.parties.history')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('casePage.parties.when')}</th>
              <th scope="col">{t('casePage.parties.by')}</th>
              <th scope="col">{t('casePage.leadActors')}</th>
              <th scope="col">{t('casePage.partners')}</th>
              <th scope="col">{t('casePage.parties.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {amendments.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.amendedAt)}</td>
                <td>{people.name(a.amendedBy) ?? '—'}</td>
                <td>{t('casePage.parties.fromTo', { from: names(a.before.leadActors), to: names(a.after.leadActors) })}</td>
                <td>{t('casePage.parties.fromTo', { from: names(a.before.partners), to: names(a.after.partners) })}</td>
                <td className="cp-pre">{a.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollTable>
    </>
  );
}
