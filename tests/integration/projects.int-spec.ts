import { randomUUID } from 'node:crypto';
import { ProjectService } from '@cluster/cases';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { createServices } from '../support/services';
import { actor, caseDetails, meta, roadmap } from '../support/fixtures';

/**
 * The project portfolio against a real PostgreSQL: the database keeps the money and status rules
 * itself (whatever a future code path does), projects are never deleted, and a change commits with
 * its audit event on the case's chain, once per request.
 */
describe('the project portfolio in the database', () => {
  let t: TestDatabase;
  let services: ReturnType<typeof createServices>;
  let projects: ProjectService;
  let caseId: string;
  let projectId: string;
  const manager = actor('handler');

  beforeAll(async () => {
    t = await createTestDatabase();
    services = createServices(t.db);
    projects = new ProjectService(t.db, services.audit);
    caseId = randomUUID();
    const ctx = (key: string) => ({ meta: meta(), workflowId: `case-${caseId}`, idempotencyKey: `${key}-${caseId}` });
    await services.commands.registerCase(caseId, caseDetails(), ctx('reg'));
    await services.commands.saveRoadmapDraft(caseId, roadmap(), ctx('draft'));
    await services.commands.submitRoadmap(caseId, ctx('submit'));
    projectId = (await projects.create(caseId, { title: 'Pilootlijn', leadOrganisation: 'Catalisti vzw', serves: { kind: 'milestone', index: 0 }, instrumentCode: 'IWT', requestedCents: 1000 }, manager, randomUUID())).id;
  });
  afterAll(() => t.drop());

  const asApp = (text: string, params: unknown[] = []) => t.sql(t.appUrl, text, params);
  const constraintOf = async (text: string, params: unknown[] = []) => {
    try {
      await asApp(text, params);
      return 'accepted';
    } catch (error) {
      return (error as { constraint?: string; code?: string }).constraint ?? (error as { code?: string }).code;
    }
  };

  it('refuses negative cents, a grant before the grant or above the request, an unknown status, an end before the start', async () => {
    const update = (set: string) => constraintOf(`UPDATE case_projects SET ${set} WHERE id = $1`, [projectId]);
    expect(await update('requested_cents = -1')).toBe('case_projects_requested_cents_check');
    expect(await update('granted_cents = 1')).toBe('case_projects_granted_when_granted');
    expect(await update(`status = 'running', granted_cents = 1001`)).toBe('case_projects_granted_within_request');
    expect(await update(`status = 'running', granted_cents = -1`)).toBe('case_projects_granted_cents_check');
    expect(await update(`status = 'approved'`)).toBe('case_projects_status_check');
    expect(await update(`start_date = '2028-01-01', end_date = '2027-12-31'`)).toBe('case_projects_end_after_start');
    expect(await update(`serves_kind = 'vision'`)).toBe('case_projects_serves_kind_check');
    // A roadmap version the case does not have.
    expect(await update('roadmap_version = 99')).toBe('case_projects_case_id_roadmap_version_fkey');
    expect(await update(`status = 'running', granted_cents = 1000`)).toBe('accepted');
  });

  it('never deletes a project: a dropped one is stopped and stays on the record', async () => {
    expect(await constraintOf('DELETE FROM case_projects WHERE id = $1', [projectId])).toBe('42501');
    expect(await asApp('SELECT id FROM case_projects WHERE id = $1', [projectId])).toHaveLength(1);
  });

  it('a change and its audit event commit together, once per request; the chain verifies', async () => {
    const requestId = randomUUID();
    const finished = await projects.update(caseId, projectId, { status: 'finished', reason: 'Afgerond.' }, manager, requestId);
    expect(await projects.update(caseId, projectId, { status: 'finished', reason: 'Afgerond.' }, manager, requestId)).toEqual(finished);
    const trail = (await services.audit.listCase(caseId, 200, 0)).items.filter((e) => e.action.startsWith('project.'));
    expect(trail.map((e) => e.action)).toEqual(['project.created', 'project.status_changed']);
    expect(trail[1]).toMatchObject({ reason: 'Afgerond.', payload: { projectId, changes: { status: { from: 'running', to: 'finished' } } } });
    expect((await services.audit.verifyCase(caseId)).ok).toBe(true);
  });
});
