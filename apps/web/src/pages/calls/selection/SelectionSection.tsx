import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { AsyncState } from '../../../components/AsyncState';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { formatDateTime } from '../../../format';
import { useSelectionChanged } from '../../../data/useInvalidate';
import { usePolicyNames } from '../../case/usePolicyVersion';
import type { Call } from '../types';
import { BudgetAgainstEnvelope } from './BudgetAgainstEnvelope';
import { CandidateDetails } from './CandidateDetails';
import { CandidateTable } from './CandidateTable';
import { ProposalForm } from './ProposalForm';
import { SelectionHistory } from './SelectionHistory';
import './selection.css';

/**
 * The selection among a call's candidates (issue 14, item 2), for those who may compare them
 * (readCandidates: the administration and auditors, not the candidates): the comparison side by
 * side, the proposal form for a policy owner once a selection can be proposed and none is pending
 * or approved, and the proposals with their decisions.
 */
export function SelectionSection({ call }: { call: Call }) {
  const { may } = useSession();
  if (!may('readCandidates')) return null;
  return <Selection call={call} />;
}

function Selection({ call }: { call: Call }) {
  const { t } = useTranslation();
  const { may } = useSession();
  const names = usePolicyNames(call.policyVersion);
  const changed = useSelectionChanged();
  const comparison = useApiQuery(queryKeys.callCandidates(call.id), () => api.GET('/api/calls/{id}/candidates', { params: { path: { id: call.id } } }));
  const selections = useApiQuery(queryKeys.callSelections(call.id), () => api.GET('/api/calls/{id}/selection', { params: { path: { id: call.id } } }));
  const history = selections.data ?? [];
  // Once approved, the comparison that counts is the one the selection was made on (the record);
  // the live one no longer ranks anybody, since the candidates have moved on or closed.
  const approved = history.find((s) => s.status === 'approved');
  const c = approved?.comparison ?? comparison.data;
  const settledSelection = history.some((s) => s.status === 'proposed' || s.status === 'approved');
  const mayPropose = Boolean(c && selections.data && may('proposeSelection') && !c.notReady && call.status !== 'selection_decided' && !settledSelection);

  return (
    <>
      <section id="call-comparison" aria-labelledby="call-comparison-title" className="cp-section">
        <h2 id="call-comparison-title">{t('callPage.selection.title')}</h2>
        <AsyncState loading={!approved && comparison.pending} error={approved ? null : comparison.error}>
          {c ? (
            <>
              <p role="status" className={c.notReady && !approved ? 'sel-not-ready' : 'cp-note'}>
                {approved ? t('callPage.selection.asApproved', { at: formatDateTime(approved.proposedAt) }) : (c.notReady ?? t('callPage.selection.ready', { count: c.maxSelected }))}
              </p>
              {c.candidates.length === 0 ? (
                <p className="empty">{t('callPage.noCandidates')}</p>
              ) : (
                <>
                  <CandidateTable comparison={c} />
                  <CandidateDetails comparison={c} names={names} />
                </>
              )}
              <BudgetAgainstEnvelope budget={c.budget} names={names} />
            </>
          ) : null}
        </AsyncState>
      </section>
      {mayPropose && c ? <ProposalForm comparison={c} onProposed={changed} /> : null}
      <AsyncState loading={selections.pending} error={selections.error}>
        {selections.data ? <SelectionHistory selections={history} onDecided={changed} /> : null}
      </AsyncState>
    </>
  );
}
