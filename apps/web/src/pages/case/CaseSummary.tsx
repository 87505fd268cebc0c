import { useTranslation } from 'react-i18next';
import { useSession } from '../../auth/session';
import { formatDate, formatDateTime } from '../../format';
import { ScrollTable } from './CaseSection';
import type { CaseView } from './stages';
import type { UserNames } from './useUserNames';
import { PartiesAmendmentForm } from './parties/PartiesAmendmentForm';
import { PartyAmendments } from './parties/PartyAmendments';
import { StandInForm } from './parties/StandInForm';
import { useMay } from './actions/who';
import { CallFact, CallRegistration } from './call/CaseCall';

/**
 * The case's own facts and what waits on whom (with due dates); how its lead actors and partners
 * changed, and for its account manager (until closure) the form to amend them.
 */
export function CaseSummary({ view, people, onChanged }: { view: CaseView; people: UserNames; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const may = useMay(view);
  const now = Date.now();
  const manager = view.accountManagerId === user?.id ? t('casePage.you', { name: user.displayName }) : (people.name(view.accountManagerId) ?? '—');
  return (
    <section id="facts" aria-labelledby="facts-title" className="cp-section">
      <h2 id="facts-title">{t('casePage.facts')}</h2>
      <dl className="cp-facts">
        <dt>{t('casePage.domain')}</dt>
        <dd>{view.domain}</dd>
        <dt>{t('casePage.leadActors')}</dt>
        <dd>{view.leadActors.join(', ') || '—'}</dd>
        <dt>{t('casePage.partners')}</dt>
        <dd>{view.partners.join(', ') || '—'}</dd>
        <dt>{t('casePage.accountManager')}</dt>
        <dd>{manager}</dd>
        <dt>{t('casePage.standIn.label')}</dt>
        <dd>{view.standInId ? (people.name(view.standInId) ?? '—') : t('casePage.standIn.none')}</dd>
        <dt>{t('casePage.stage')}</dt>
        <dd>
          {t(`stage.${view.stage}`)}
          {view.pilot ? <span className="cp-badge">{t('casePage.trajectory.pilot')}</span> : null}
        </dd>
        <CallFact view={view} />
        <dt>{t('casePage.policyVersion')}</dt>
        <dd>{view.policyVersion}</dd>
        <dt>{t('casePage.openedAt')}</dt>
        <dd>{formatDateTime(view.createdAt)}</dd>
        <dt>{t('casePage.updatedAt')}</dt>
        <dd>{formatDateTime(view.updatedAt)}</dd>
      </dl>
      <CallRegistration view={view} onChanged={onChanged} />
      <PartyAmendments caseId={view.id} people={people} />
      {/* The API decides again (the account manager only, not once closed); this only offers the form. */}
      {may?.amendParties && view.stage !== 'closed' ? <PartiesAmendmentForm view={view} onChanged={onChanged} /> : null}
      {may?.nameStandIn && view.stage !== 'closed' ? <StandInForm key={view.standInId ?? 'none'} view={view} onChanged={onChanged} /> : null}
      <h3>{t('casePage.pendingTasks')}</h3>
      {view.pendingTasks.length === 0 ? (
        <p className="empty">{t('casePage.noPendingTasks')}</p>
      ) : (
        <ScrollTable label={t('casePage.pendingTasks')}>
          <table>
            <caption className="visually-hidden">{t('casePage.pendingTasks')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('casePage.task')}</th>
                <th scope="col">{t('casePage.waitsOn')}</th>
                <th scope="col">{t('casePage.due')}</th>
              </tr>
            </thead>
            <tbody>
              {view.pendingTasks.map((task) => {
                const overdue = task.dueAt !== null && new Date(task.dueAt).getTime() < now;
                return (
                  <tr key={task.id} className={overdue ? 'overdue' : undefined}>
                    <td>{t(`task.${task.kind}`, { defaultValue: task.kind })}</td>
                    <td>
                      {t(`role.${task.assigneeRole}`, { defaultValue: task.assigneeRole })}
                      {people.name(task.assigneeRef) ? `: ${people.name(task.assigneeRef)}` : null}
                    </td>
                    <td>
                      {formatDate(task.dueAt)}
                      {overdue ? <strong className="badge"> {t('casePage.overdue')}</strong> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </ScrollTable>
      )}
    </section>
  );
}
