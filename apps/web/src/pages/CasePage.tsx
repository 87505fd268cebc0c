import { Link, useParams } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { Loading } from '../components/Loading';
import { offers } from '../layout/Layout';
import type { components } from '../api/schema';
import { queryKeys } from '../data/keys';
import { useApiQuery, type Loaded } from '../data/useApiQuery';
import { useCaseChanged } from '../data/useInvalidate';
import { CaseActions } from './case/actions/CaseActions';
import { useMay } from './case/actions/who';
import { AdviceSection } from './case/advice/AdviceSection';
import { AgreementSection } from './case/agreement/AgreementSection';
import { AssessmentSection } from './case/assessment/AssessmentSection';
import { AuditSection } from './case/audit/AuditSection';
import { BudgetSection } from './case/budget/BudgetSection';
import { CaseSummary } from './case/CaseSummary';
import { DecisionSection } from './case/decision/DecisionSection';
import { DialogueSection } from './case/dialogue/DialogueSection';
import { useCaseDocuments } from './case/documents/useCaseDocuments';
import { ProcessTracker } from './case/ProcessTracker';
import { ProjectsSection } from './case/projects/ProjectsSection';
import { RoadmapSection } from './case/roadmap/RoadmapSection';
import { TerminationSection } from './case/termination/TerminationSection';
import { TrajectorySection } from './case/trajectory/TrajectorySection';
import { usePolicyNames } from './case/usePolicyVersion';
import { useUserNames } from './case/useUserNames';
import './case/case.css';

type CaseView = components['schemas']['CaseDto'];

/** The parts of the page, in the order of the process, for the "on this page" links. */
const SECTIONS = ['facts', 'roadmap', 'assessment', 'advice', 'decision', 'trajectory', 'agreement', 'dialogue', 'projects', 'budget', 'audit'] as const;

/**
 * One case: where it stands in the process, the actions the signed-in user may take, and every
 * step's record. After an action everything read about the case is invalidated and every part reads again.
 */
export function CasePage() {
  const { id = '' } = useParams();
  // A new case starts afresh (nothing of the previous one stays on screen while it loads).
  return <CaseScreen key={id} id={id} />;
}

function CaseScreen({ id }: { id: string }) {
  const { t } = useTranslation();
  const reload = useCaseChanged(id);
  const loaded = useApiQuery(queryKeys.caseView(id), () => api.GET('/api/cases/{id}', { params: { path: { id } } }));
  // Without asOf the API answers the case as it is now (a CaseDto).
  const view = loaded.data && 'workflowId' in loaded.data ? (loaded.data as CaseView) : null;
  const people = useUserNames();
  const policy = usePolicyNames(view?.policyVersion ?? null);
  const trace = useApiQuery(queryKeys.caseDecisions(id), () => api.GET('/api/cases/{id}/decisions', { params: { path: { id } } }), { enabled: view !== null });

  if (!view) return <CaseUnavailable loading={loaded.loading} status={loaded.status} message={loaded.error?.message} />;
  // The moment the server answered: "the case as it stands now" must not lie ahead of its clock.
  const now = loaded.answeredAt ?? new Date(Date.now() - 5_000).toISOString();

  return (
    <article aria-labelledby="case-title" className="cp-page">
      <p className="cp-back">
        <Link to="/cases">{t('casePage.back')}</Link>
      </p>
      <h1 id="case-title">{view.clusterName}</h1>
      <p className="cp-subtitle">
        {t('casePage.standsAt', { stage: t(`stage.${view.stage}`) })}
        {loaded.loading ? (
          <span role="status" className="cp-note">
            {t('common.loading')}
          </span>
        ) : null}
      </p>
      <ProcessTracker stage={view.stage} inCall={view.callId != null} />
      <CaseActions view={view} onChanged={reload} />
      <nav aria-label={t('casePage.onThisPage')} className="cp-toc">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s}>
              <a href={`#${s}`}>{t(`casePage.sections.${s}`)}</a>
            </li>
          ))}
        </ul>
      </nav>
      <CaseSummary view={view} people={people} onChanged={reload} />
      <RoadmapSection caseId={view.id} people={people} policyVersion={view.policyVersion} />
      <AssessmentSection caseId={view.id} people={people} policy={policy} trace={trace} />
      <AdviceSection view={view} at={now} policy={policy} trace={trace} />
      <LaterSteps view={view} trace={trace} policy={policy} people={people} onChanged={reload} />
      <BudgetSection caseId={view.id} policy={policy} />
      <AuditSection caseId={view.id} />
    </article>
  );
}

type Trace = Loaded<components['schemas']['DecisionTraceDto']>;

/**
 * The steps that produce documents, with what the API says the user may attach or record (asked once
 * for them all), and what ends the case early.
 */
function LaterSteps({ view, trace, policy, people, onChanged }: { view: CaseView; trace: Trace; policy: ReturnType<typeof usePolicyNames>; people: ReturnType<typeof useUserNames>; onChanged: () => void }) {
  const may = useMay(view);
  const documents = useCaseDocuments(view.id);
  const common = { may, documents, onChanged, policy, people };
  return (
    <>
      <DecisionSection caseId={view.id} trace={trace} {...common} />
      <TrajectorySection view={view} {...common} />
      <AgreementSection caseId={view.id} {...common} />
      <DialogueSection caseId={view.id} {...common} />
      <ProjectsSection view={view} may={may} names={policy} onChanged={onChanged} />
      <TerminationSection view={view} may={may} onChanged={onChanged} />
    </>
  );
}

/** Loading, or a clear message when the case does not exist (404, or a malformed id) or is not the user's (403). */
function CaseUnavailable({ loading, status, message }: { loading: boolean; status: number | null; message?: string }) {
  const { t } = useTranslation();
  const { may } = useSession();
  if (loading) return <Loading />;
  // Back to the case list only for whom it opens (a council member reaches cases through its requests).
  const back = offers('/cases', may) ? { to: '/cases', text: t('casePage.back') } : { to: '/', text: t('casePage.backToInbox') };
  const reason = status === 403 ? 'forbidden' : status === 404 || status === 400 ? 'notFound' : 'error';
  return (
    <section aria-labelledby="case-title">
      <h1 id="case-title">{t(`casePage.unavailable.${reason}.title`)}</h1>
      <p role="alert" className="error">
        {t(`casePage.unavailable.${reason}.text`, { message: message ?? '' })}
      </p>
      <p>
        <Link to={back.to}>{back.text}</Link>
      </p>
    </section>
  );
}
