import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import type { components } from '../../../api/schema';
import { daysUntil, formatDate, formatDateTime } from '../../../format';
import { CaseSection, ScrollTable } from '../CaseSection';
import { requestPath } from '../../council/types';
import { reached, type CaseView } from '../stages';
import { queryKeys } from '../../../data/keys';
import { useApiQuery, type Loaded } from '../../../data/useApiQuery';
import type { PolicyNames } from '../usePolicyVersion';

type DecisionTrace = components['schemas']['DecisionTraceDto'];
type AsOfAdvice = components['schemas']['AsOfAdviceDto'];

/**
 * `at` is the server's time of the case's own answer: the record cannot be read "as of" a moment
 * the server has not reached yet (a browser clock that runs ahead would be refused).
 *
 * The three councils' advice in the latest round: the legal term, the days left while open, the
 * position and who gave it. The round comes from the case as it stands now (rebuilt from its audit
 * trail, readable by everyone who may read the case); the advice texts' summaries from the
 * decision trace once a decision rests on them.
 */
export function AdviceSection({ view, at, policy, trace }: { view: CaseView; at: string; policy: PolicyNames; trace: Loaded<DecisionTrace> }) {
  const { t } = useTranslation();
  const started = reached(view, 'advice');
  const now = useApiQuery(queryKeys.caseAsOf(view.id, at), () => api.GET('/api/cases/{id}/as-of', { params: { path: { id: view.id }, query: { at } } }), { enabled: started });
  const round = now.data?.advice;
  const summaries = new Map(
    (trace.data?.records ?? []).flatMap((r) => r.governmentDecision?.advice ?? []).map((a) => [a.requestId, a.textSummary] as const),
  );
  const notYet = (!started || (round !== undefined && round.round === 0)) && t('casePage.advice.notYet');

  return (
    <CaseSection id="advice" title={t('casePage.advice.title')} state={started ? now : undefined} notYet={notYet}>
      {() =>
        round ? (
          <>
            <p>{t('casePage.advice.round', { round: round.round, version: round.roadmapVersion })}</p>
            <ScrollTable label={t('casePage.advice.title')}>
              <table>
                <caption className="visually-hidden">{t('casePage.advice.title')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('casePage.advice.council')}</th>
                    <th scope="col">{t('casePage.advice.status')}</th>
                    <th scope="col">{t('casePage.advice.term')}</th>
                    <th scope="col">{t('casePage.advice.remaining')}</th>
                    <th scope="col">{t('casePage.advice.position')}</th>
                    <th scope="col">{t('casePage.advice.givenBy')}</th>
                    <th scope="col">{t('casePage.advice.summary')}</th>
                  </tr>
                </thead>
                <tbody>
                  {round.councils.map((c) => (
                    <tr key={c.requestId}>
                      <th scope="row">
                        {/* The request's own view: the roadmap it is about, the advice text and the council's documents. */}
                        <Link to={requestPath(c.requestId)}>{policy.council(c.councilCode)}</Link>
                      </th>
                      <td>{t(`casePage.advice.statuses.${c.status}`)}</td>
                      <td>{formatDate(c.dueAt)}</td>
                      <td>
                        <Remaining advice={c} />
                      </td>
                      <td>{c.position ? t(`casePage.advice.positions.${c.position}`) : '—'}</td>
                      <td>{c.by ? `${c.by.name ?? '—'}, ${formatDateTime(c.at)}` : c.status === 'lapsed' ? formatDateTime(c.at) : '—'}</td>
                      <td>{summaries.get(c.requestId) ?? '—'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
          </>
        ) : null
      }
    </CaseSection>
  );
}

function Remaining({ advice }: { advice: AsOfAdvice }) {
  const { t } = useTranslation();
  if (advice.status !== 'open' || !advice.dueAt) return <>—</>;
  const days = daysUntil(advice.dueAt);
  if (days < 0) return <strong className="badge">{t('casePage.advice.termPassed')}</strong>;
  if (days === 0) return <strong className="badge">{t('casePage.advice.lastDay')}</strong>;
  return <>{t('casePage.advice.daysLeft', { count: days })}</>;
}
