import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { ActionStatus } from '../actions/form/ActionStatus';
import type { CaseView, May } from '../actions/who';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { TerminationTable } from './TerminationTable';
import { WithdrawalForm } from './WithdrawalForm';

/**
 * Ending the case early: the withdrawal form for whom the permissions table allows it while the
 * case is open, and the case's proposals to end it (rejection, stop, early end, withdrawal) once
 * there is one. While a proposal waits on an approver no second one is offered (the API refuses
 * it too). Shown only when there is something to show.
 */
export function TerminationSection({ view, may, onChanged }: { view: CaseView; may: May | null; onChanged: () => void }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const proposals = useApiQuery(queryKeys.caseTerminations(view.id), () => api.GET('/api/cases/{id}/terminations', { params: { path: { id: view.id } } }));
  const items = proposals.data ?? [];
  const waiting = items.some((p) => p.status === 'pending');
  const offer = Boolean(may?.withdrawCase) && view.stage !== 'closed' && proposals.data !== null;
  if (!offer && items.length === 0 && !message) return null;

  return (
    <section id="termination" aria-labelledby="termination-title" className="cp-section">
      <h2 id="termination-title">{t('casePage.termination.title')}</h2>
      <ActionStatus message={message} />
      {items.length > 0 ? (
        <>
          <h3>{t('casePage.termination.listTitle')}</h3>
          <TerminationTable items={items} />
        </>
      ) : null}
      {offer && waiting ? <p>{t('casePage.termination.waiting')}</p> : null}
      {offer && !waiting ? (
        <WithdrawalForm
          caseId={view.id}
          onProposed={(text) => {
            setMessage(text);
            onChanged();
          }}
        />
      ) : null}
    </section>
  );
}
