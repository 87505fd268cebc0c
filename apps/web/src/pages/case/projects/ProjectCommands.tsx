import { useTranslation } from 'react-i18next';
import { api } from '../../../api/client';
import { useRequestId } from '../../../data/useRequestId';
import { useAction } from '../actions/form/useAction';
import type { PolicyNames } from '../usePolicyVersion';
import { centsOf, inputOf, ProjectForm, type ProjectInput } from './ProjectForm';
import { PROJECT_STATUS_ORDER, targetOf, type Coverage, type Project } from './projectWords';

const orNull = (text: string): string | null => (text.trim() === '' ? null : text);

/** Adds a project to the case's portfolio (POST), once per request id. */
export function AddProject({ caseId, coverage, names, onDone }: { caseId: string; coverage: Coverage; names: PolicyNames; onDone: (message: string) => void }) {
  const { t } = useTranslation();
  const request = useRequestId();
  const { busy, error, run } = useAction();
  const submit = async (i: ProjectInput) => {
    const body = {
      title: i.title,
      leadOrganisation: i.leadOrganisation,
      // No choice yet: sent as null, so the API names the field.
      serves: targetOf(i.serves) as NonNullable<ReturnType<typeof targetOf>>,
      instrumentCode: i.instrumentCode,
      requestedCents: centsOf(i.requested),
      grantedCents: i.granted.trim() === '' ? null : centsOf(i.granted),
      status: i.status,
      startDate: orNull(i.startDate),
      endDate: orNull(i.endDate),
    };
    const made = await run(() => api.POST('/api/cases/{id}/projects', { params: { path: { id: caseId } }, body, headers: request.headers }));
    if (!made) return;
    request.renew();
    onDone(t('projects.added', { title: made.title }));
  };
  return (
    <details className="cp-card">
      <summary>{t('projects.add')}</summary>
      {/* A new form after each project added: it starts empty. */}
      <ProjectForm key={request.headers['X-Request-Id']} id="project-new" title={t('projects.add')} initial={inputOf(null, coverage)} statuses={[...PROJECT_STATUS_ORDER]} coverage={coverage} names={names} withReason={false} error={error} busy={busy} submitLabel={t('projects.addSubmit')} onSubmit={(i) => void submit(i)} />
    </details>
  );
}

/** Changes one project (PATCH): only what the person changed is sent; the statuses offered are the API's nextStatuses. */
export function EditProject({ caseId, project, coverage, names, onDone, onCancel }: { caseId: string; project: Project; coverage: Coverage; names: PolicyNames; onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const request = useRequestId();
  const { busy, error, setError, run } = useAction();
  const initial = inputOf(project, coverage);
  const submit = async (i: ProjectInput) => {
    const body: Record<string, unknown> = {};
    if (i.title !== initial.title) body.title = i.title;
    if (i.leadOrganisation !== initial.leadOrganisation) body.leadOrganisation = i.leadOrganisation;
    if (i.serves !== initial.serves && i.serves !== '') body.serves = targetOf(i.serves);
    if (i.instrumentCode !== initial.instrumentCode) body.instrumentCode = i.instrumentCode;
    if (i.requested !== initial.requested) body.requestedCents = centsOf(i.requested);
    if (i.granted !== initial.granted) body.grantedCents = i.granted.trim() === '' ? null : centsOf(i.granted);
    if (i.status !== initial.status) body.status = i.status;
    if (i.startDate !== initial.startDate) body.startDate = orNull(i.startDate);
    if (i.endDate !== initial.endDate) body.endDate = orNull(i.endDate);
    if (Object.keys(body).length === 0) {
      setError({ message: t('projects.nothingChanged') });
      return;
    }
    if (i.reason.trim() !== '') body.reason = i.reason;
    const changed = await run(() => api.PATCH('/api/cases/{id}/projects/{projectId}', { params: { path: { id: caseId, projectId: project.id } }, body, headers: request.headers }));
    if (!changed) return;
    request.renew();
    onDone(t('projects.changed', { title: changed.title }));
  };
  return (
    <ProjectForm
      id="project-edit"
      title={t('projects.editTitle', { title: project.title })}
      initial={initial}
      statuses={[project.status, ...project.nextStatuses]}
      coverage={coverage}
      names={names}
      withReason
      error={error}
      busy={busy}
      submitLabel={t('projects.editSubmit')}
      onSubmit={(i) => void submit(i)}
      onCancel={onCancel}
    />
  );
}
