import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { components } from '../../../api/schema';
import { formatDateTime } from '../../../format';
import { api } from '../../../api/client';
import type { May } from '../actions/who';
import { ActionStatus } from '../actions/form/ActionStatus';
import { CaseSection } from '../CaseSection';
import { queryKeys } from '../../../data/keys';
import { useApiQuery, type Loaded } from '../../../data/useApiQuery';
import type { PolicyNames } from '../usePolicyVersion';
import type { UserNames } from '../useUserNames';
import { GovernmentDecisionForm } from './GovernmentDecisionForm';
import { GovernmentDecisions } from './GovernmentDecisions';

type DecisionTrace = components['schemas']['DecisionTraceDto'];
type GovernmentDecision = components['schemas']['GovernmentDecisionTraceDto'];

interface DecisionSectionProps {
  caseId: string;
  trace: Loaded<DecisionTrace>;
  policy: PolicyNames;
  people: UserNames;
  may: May | null;
  onChanged: () => void;
}

/**
 * Each proposed government decision (newest first) with its four-eyes approval, from the decision
 * trace; then the Flemish Government's actual decision as recorded (number, date, signed PDF), and
 * the form to record or correct it when the API says the user may.
 */
export function DecisionSection({ caseId, trace, policy, people, may, onChanged }: DecisionSectionProps) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const recorded = useApiQuery(queryKeys.caseGovernmentDecisions(caseId), () => api.GET('/api/cases/{id}/government-decisions', { params: { path: { id: caseId } } }));
  const decisions = (trace.data?.records ?? []).flatMap((r) => (r.governmentDecision ? [r.governmentDecision] : [])).reverse();
  const records = recorded.data ?? [];
  const approved = decisions.some((d) => d.status === 'approved');
  const done = (text: string) => {
    setMessage(text);
    onChanged();
  };
  return (
    <CaseSection id="decision" title={t('casePage.decision.title')} state={trace} notYet={decisions.length === 0 && t('casePage.decision.notYet')}>
      {() => (
        <>
          {decisions.map((d) => (
            <Decision key={d.decisionId} decision={d} policy={policy} />
          ))}
          {records.length > 0 ? <GovernmentDecisions records={records} people={people} /> : approved ? <p className="empty">{t('casePage.decision.government.notYet')}</p> : null}
          {approved && may?.recordGovernmentDecision && !recorded.loading ? (
            <GovernmentDecisionForm key={records.length} caseId={caseId} current={records.find((r) => r.current) ?? null} onDone={done} />
          ) : null}
          <ActionStatus message={message} />
        </>
      )}
    </CaseSection>
  );
}

function Decision({ decision: d, policy }: { decision: GovernmentDecision; policy: PolicyNames }) {
  const { t } = useTranslation();
  const approval = d.approval;
  return (
    <article className="cp-card" aria-labelledby={`decision-${d.decisionId}`}>
      <h3 id={`decision-${d.decisionId}`}>
        {t('casePage.decision.versionN', { version: d.version })}: {t(`casePage.decision.outcomes.${d.outcome}`)} — {t(`casePage.decision.statuses.${d.status}`)}
      </h3>
      <dl className="cp-facts">
        <dt>{t('casePage.decision.roadmap')}</dt>
        <dd>{d.roadmap ? t('casePage.roadmap.versionN', { version: d.roadmap.version }) : '—'}</dd>
        <dt>{t('casePage.decision.rationale')}</dt>
        <dd className="cp-pre">{d.rationale}</dd>
        {d.conditions ? (
          <>
            <dt>{t('casePage.decision.conditions')}</dt>
            <dd className="cp-pre">{d.conditions}</dd>
          </>
        ) : null}
        <dt>{t('casePage.decision.proposedBy')}</dt>
        <dd>
          {d.proposedBy.name ?? '—'}, {formatDateTime(d.proposedAt)}
        </dd>
        <dt>{t('casePage.decision.approval')}</dt>
        <dd>
          {approval ? (
            <>
              {t(`casePage.decision.approvalStatuses.${approval.status}`)}
              {approval.decidedBy ? `: ${approval.decidedBy.name ?? '—'}, ${formatDateTime(approval.decidedAt)}` : null}
              {approval.comment ? <span className="cp-note">“{approval.comment}”</span> : null}
            </>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      {d.considerations.length > 0 ? (
        <>
          <h4>{t('casePage.decision.considerations')}</h4>
          <ul>
            {d.considerations.map((c) => (
              <li key={c.councilCode}>
                <strong>{policy.council(c.councilCode)}:</strong> {c.text}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
