import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../auth/session';
import { Sha256 } from '../../../components/Sha256';
import { formatDateTime } from '../../../format';
import { useUserNames } from '../../case/useUserNames';
import { DecideSelectionForm } from './DecideSelectionForm';
import type { Selection } from './types';

/**
 * The call's proposed selections, newest first: status in words, who proposed and decided and
 * when, the comment, each candidate's outcome with its reason, and the SHA-256 of the comparison it
 * was made on (what each candidate's trail records). An approver who did not propose the pending
 * one decides it here too.
 */
export function SelectionHistory({ selections, onDecided }: { selections: Selection[]; onDecided: () => void }) {
  const { t } = useTranslation();
  return (
    <section id="call-selections" aria-labelledby="call-selections-title" className="cp-section">
      <h2 id="call-selections-title">{t('callPage.selection.history.title')}</h2>
      {selections.length === 0 ? <p className="empty">{t('callPage.selection.history.none')}</p> : selections.map((s) => <SelectionRecord key={s.id} selection={s} onDecided={onDecided} />)}
    </section>
  );
}

function SelectionRecord({ selection: s, onDecided }: { selection: Selection; onDecided: () => void }) {
  const { t } = useTranslation();
  const { user, may } = useSession();
  const people = useUserNames();
  // Names come from the users list for those who may read it; otherwise "you", or the role in words.
  const who = (id: string | null | undefined, role: 'proposer' | 'approver') => (id && id === user?.id ? user.displayName : (people.name(id) ?? t(`callPage.selection.history.a.${role}`)));
  const nameOf = (caseId: string) => s.comparison.candidates.find((c) => c.caseId === caseId)?.clusterName ?? caseId;
  const outcomes = s.outcomes.length
    ? s.outcomes
    : [...s.selected.map((caseId) => ({ caseId, outcome: 'selected' as const, reason: s.reason })), ...s.notSelected.map((n) => ({ caseId: n.caseId, outcome: 'not_selected' as const, reason: n.reason }))];
  const mayDecide = s.status === 'proposed' && may('decideSelection') && user?.id !== s.proposedBy;
  return (
    <article className="cp-card" aria-labelledby={`selection-${s.id}-title`}>
      <h3 id={`selection-${s.id}-title`}>{t('callPage.selection.history.record', { at: formatDateTime(s.proposedAt), status: t(`callPage.selection.status.${s.status}`) })}</h3>
      <dl className="cp-facts">
        <dt>{t('callPage.selection.history.status')}</dt>
        <dd>{t(`callPage.selection.status.${s.status}`)}</dd>
        <dt>{t('callPage.selection.history.proposed')}</dt>
        <dd>{t('callPage.selection.history.byAt', { name: who(s.proposedBy, 'proposer'), at: formatDateTime(s.proposedAt) })}</dd>
        <dt>{t('callPage.selection.history.reason')}</dt>
        <dd className="cp-pre">{s.reason}</dd>
        {s.decidedAt ? (
          <>
            <dt>{t('callPage.selection.history.decided')}</dt>
            <dd>{t('callPage.selection.history.byAt', { name: who(s.decidedBy, 'approver'), at: formatDateTime(s.decidedAt) })}</dd>
            <dt>{t('callPage.selection.history.comment')}</dt>
            <dd className="cp-pre">{s.comment ?? '—'}</dd>
          </>
        ) : null}
        <dt>{t('callPage.selection.history.comparison')}</dt>
        <dd>
          <Sha256 hash={s.comparisonSha256} />
        </dd>
      </dl>
      <div className="table-scroll">
        <table>
          <caption>{t('callPage.selection.history.outcomes')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('callPage.selection.history.candidate')}</th>
              <th scope="col">{t('callPage.selection.history.outcome')}</th>
              <th scope="col">{t('callPage.selection.history.why')}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.map((o) => (
              <tr key={o.caseId}>
                <th scope="row">
                  <Link to={`/cases/${o.caseId}`}>{nameOf(o.caseId)}</Link>
                </th>
                <td>{t(`callPage.selection.outcome.${o.outcome}`)}</td>
                <td className="cp-pre">{o.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mayDecide ? <DecideSelectionForm selection={s} onDecided={onDecided} /> : null}
    </article>
  );
}
