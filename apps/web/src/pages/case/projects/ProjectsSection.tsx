import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useSession } from '../../../auth/session';
import { Pager } from '../../../components/Pager';
import { ActionStatus } from '../actions/form/ActionStatus';
import type { CaseView, May } from '../actions/who';
import { queryKeys } from '../../../data/keys';
import { useApiQuery } from '../../../data/useApiQuery';
import { CaseSection } from '../CaseSection';
import type { PolicyNames } from '../usePolicyVersion';
import { CoverageView } from './CoverageView';
import { AddProject, EditProject } from './ProjectCommands';
import { ProjectTable } from './ProjectTable';
import type { Project } from './projectWords';
import './projects.css';

const LIMIT = 20;

/**
 * The case's project portfolio (projectportefeuille): its projects page by page, which objectives
 * and milestones of the current roadmap have none, and for those who keep it (the API says who;
 * not once the case is closed) the forms to add a project and change one.
 */
export function ProjectsSection({ view, may, names, onChanged }: { view: CaseView; may: May | null; names: PolicyNames; onChanged: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const [offset, setOffset] = useState(0);
  const [editing, setEditing] = useState<Project | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const query = { limit: LIMIT, offset };
  const projects = useApiQuery(queryKeys.caseProjects(view.id, query), () => api.GET('/api/cases/{id}/projects', { params: { path: { id: view.id }, query } }));
  const coverage = useApiQuery(queryKeys.caseProjectCoverage(view.id), () => api.GET('/api/cases/{id}/projects/coverage', { params: { path: { id: view.id } } }));
  const keeps = Boolean(may?.manageProjects) && view.stage !== 'closed';
  const submitted = coverage.data !== null && coverage.data.roadmapVersion !== null;
  const done = (text: string) => {
    setEditing(null);
    setMessage(text);
    onChanged();
  };

  return (
    <CaseSection id="projects" title={t('casePage.sections.projects')} state={projects}>
      {() => (
        <>
          <p>{t('projects.intro')}</p>
          <ActionStatus message={message} />
          {projects.data && projects.data.items.length === 0 ? (
            <p className="empty">{t('projects.none')}</p>
          ) : (
            <ProjectTable projects={projects.data?.items ?? []} coverage={coverage.data} names={names} onEdit={keeps && submitted ? (p) => { setMessage(null); setEditing(p); } : undefined} />
          )}
          {projects.data ? <Pager area="projects" label={t('projects.pager.label')} total={projects.data.total} limit={LIMIT} offset={offset} onOffset={setOffset} /> : null}
          {editing && coverage.data ? <EditProject key={editing.id} caseId={view.id} project={editing} coverage={coverage.data} names={names} onDone={done} onCancel={() => setEditing(null)} /> : null}
          {keeps && submitted && coverage.data ? <AddProject caseId={view.id} coverage={coverage.data} names={names} onDone={done} /> : null}
          {coverage.data && !submitted ? <p className="empty">{t('projects.noRoadmapYet')}</p> : null}
          {coverage.data && submitted ? <CoverageView coverage={coverage.data} isAccountManager={view.accountManagerId === user?.id} /> : null}
        </>
      )}
    </CaseSection>
  );
}
