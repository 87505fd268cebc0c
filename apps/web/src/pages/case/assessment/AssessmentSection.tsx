import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import type { components } from '../../../api/schema';
import { formatDateTime } from '../../../format';
import { CaseSection } from '../CaseSection';
import { list, num, openOf, text } from '../open';
import { queryKeys } from '../../../data/keys';
import { useApiQuery, type Loaded } from '../../../data/useApiQuery';
import type { PolicyNames } from '../usePolicyVersion';
import type { UserNames } from '../useUserNames';
import { AssessmentTables, type AssessorColumn } from './AssessmentTables';

type DecisionTrace = components['schemas']['DecisionTraceDto'];

/** The assessments of the submitted roadmap version side by side, with the spread and the conclusion. */
export function AssessmentSection({ caseId, people, policy, trace }: { caseId: string; people: UserNames; policy: PolicyNames; trace: Loaded<DecisionTrace> }) {
  const { t } = useTranslation();
  const { may } = useSession();
  // The API shows assessments to civil servants and auditors only (not to the cluster itself).
  const mayRead = may('readAssessments');
  const overview = useApiQuery(queryKeys.caseAssessments(caseId), () => api.GET('/api/cases/{id}/assessments', { params: { path: { id: caseId } } }), { enabled: mayRead });
  const data = overview.data;
  const conclusion = trace.data?.records
    .filter((r) => r.kind === 'assessment_conclusion' && r.assessmentConclusion?.roadmapVersion === data?.roadmapVersion)
    .at(-1)?.assessmentConclusion;

  return (
    <CaseSection
      id="assessment"
      title={t('casePage.assessments.title')}
      state={overview}
      notYet={mayRead ? data?.roadmapVersion === null && t('casePage.assessments.notYet') : t('casePage.notForRole')}
    >
      {() => {
        const assessments = (data?.assessments ?? []).map(openOf);
        const assignments = (data?.assignments ?? []).map(openOf);
        const nameOf = (assessorId: string | null, i: number) => people.name(assessorId) ?? t('casePage.assessments.assessorN', { n: i + 1 });
        const order = assignments.map((a) => text(a, 'assessorId'));
        const columns: AssessorColumn[] = assessments.map((a) => {
          const assessorId = text(a, 'assessorId');
          return {
            key: text(a, 'id') ?? String(assessorId),
            name: nameOf(assessorId, Math.max(0, order.indexOf(assessorId))),
            submittedAt: text(a, 'submittedAt'),
            scores: list(a, 'scores').map((s) => ({ code: text(s, 'code') ?? '', score: num(s, 'score'), justification: text(s, 'justification') ?? '' })),
            gateAnswers: list(a, 'gateAnswers').map((g) => ({ code: text(g, 'code') ?? '', answer: g.answer === true, justification: text(g, 'justification') ?? '' })),
          };
        });
        return (
          <>
            <p>{t('casePage.assessments.progress', { version: data?.roadmapVersion, submitted: assessments.length, required: data?.requiredCount })}</p>
            <h3>{t('casePage.assessments.assessors')}</h3>
            {assignments.length === 0 ? (
              <p className="empty">{t('casePage.assessments.noAssessors')}</p>
            ) : (
              <ul>
                {assignments.map((a, i) => (
                  <li key={text(a, 'id') ?? i}>
                    {nameOf(text(a, 'assessorId'), i)}: {t(`casePage.assessments.status.${text(a, 'status')}`, { defaultValue: text(a, 'status') ?? '' })}
                    {text(a, 'conflictNote') ? ` (${text(a, 'conflictNote')})` : null}
                  </li>
                ))}
              </ul>
            )}
            {columns.length > 0 ? <AssessmentTables columns={columns} spread={data?.spread ?? []} policy={policy} /> : null}
            {conclusion ? (
              <>
                <h3>{t('casePage.assessments.conclusion')}</h3>
                <dl className="cp-facts">
                  <dt>{t('casePage.assessments.outcome')}</dt>
                  <dd>{t(`casePage.assessments.outcomes.${conclusion.outcome}`)}</dd>
                  <dt>{t('casePage.assessments.remarks')}</dt>
                  <dd className="cp-pre">{conclusion.remarks}</dd>
                  <dt>{t('casePage.assessments.concludedBy')}</dt>
                  <dd>
                    {conclusion.concludedBy.name ?? '—'}, {formatDateTime(conclusion.concludedAt)}
                  </dd>
                </dl>
              </>
            ) : null}
          </>
        );
      }}
    </CaseSection>
  );
}
