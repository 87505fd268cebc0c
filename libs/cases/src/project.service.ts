import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  DomainError,
  projectChanges,
  projectProblems,
  projectTransitionRefusal,
  refusalText,
  roadmapCoverage,
  roadmapTargetProblems,
  RULES,
  type Actor,
  type FieldError,
  type Project,
  type ProjectFields,
  type ProjectStatus,
  type RoadmapCoverage,
  type RoadmapTarget,
} from '@cluster/domain';
import { commandRef, Database, type CaseEntity, type CaseProjectEntity, type Repositories } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { policyOf } from './case-lock';

/** A new project: what is not given starts empty (an idea, nothing granted, no dates yet). */
export interface NewProject {
  title: string;
  leadOrganisation: string;
  serves: RoadmapTarget;
  instrumentCode: string;
  requestedCents: number;
  grantedCents?: number | null;
  status?: ProjectStatus;
  startDate?: string | null;
  endDate?: string | null;
}

/** The fields to change (absent ones stay), and why. */
export type ProjectChange = Partial<ProjectFields> & { reason?: string };

export interface ProjectPage {
  items: Project[];
  total: number;
  limit: number;
  offset: number;
}

const invalid = (problems: FieldError[]) =>
  new DomainError('VALIDATION_FAILED', 'Het project is niet geldig; verbeter de velden die hieronder genoemd worden. / The project is not valid; correct the fields named below.', problems);

/**
 * The project portfolio of a case (issue 14, item 3): projects that execute the roadmap, each
 * serving one objective or milestone of its submitted version, kept by the case's cluster
 * representatives and account manager. Like the amendments of the parties, the portfolio is no
 * step of the process: the case workflow holds none of it, and the case row's lock orders these
 * changes with the process's own commands (a closure that commits first makes them a 409). Each
 * change commits with its audit event on the case's chain, once per request id (Database.once).
 */
@Injectable()
export class ProjectService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async create(caseId: string, input: NewProject, actor: Actor, requestId: string): Promise<Project> {
    const idempotencyKey = `project-create:${caseId}:${requestId}`;
    return this.db.once(commandRef({ idempotencyKey }, caseId, 'createProject'), async (repos) => {
      const row = await lockEditable(repos, caseId, actor);
      const version = row.submittedRoadmapVersion;
      if (version === null) {
        throw new DomainError('STAGE_CONFLICT', 'Een project dient een doelstelling of mijlpaal van de ingediende routekaart; dien eerst een versie van de routekaart in. / A project serves an objective or milestone of the submitted roadmap; submit a roadmap version first.');
      }
      const fields: ProjectFields = {
        title: input.title,
        leadOrganisation: input.leadOrganisation,
        serves: { kind: input.serves.kind, index: input.serves.index },
        instrumentCode: input.instrumentCode,
        requestedCents: input.requestedCents,
        grantedCents: input.grantedCents ?? null,
        status: input.status ?? 'idea',
        startDate: input.startDate ?? null,
        endDate: input.endDate ?? null,
      };
      await refuseInvalid(repos, row, fields, version, true);
      const now = new Date();
      const entity: CaseProjectEntity = {
        id: randomUUID(),
        caseId,
        ...columnsOf(fields),
        roadmapVersion: version,
        createdBy: actor.userId,
        createdAt: now,
        updatedBy: actor.userId,
        updatedAt: now,
      };
      await repos.projects.insert(entity);
      await this.audit.append(repos, {
        actor,
        action: 'project.created',
        caseId,
        payload: { projectId: entity.id, project: fields, roadmapVersion: version, stage: row.stage },
        requestId,
        workflowId: row.workflowId,
        idempotencyKey,
        occurredAt: now,
      });
      return projectOf(entity);
    });
  }

  /** Changes the given fields; a change of `serves` links the project to the current submitted version. */
  async update(caseId: string, projectId: string, change: ProjectChange, actor: Actor, requestId: string): Promise<Project> {
    const idempotencyKey = `project-update:${caseId}:${projectId}:${requestId}`;
    return this.db.once(commandRef({ idempotencyKey }, caseId, 'updateProject'), async (repos) => {
      const row = await lockEditable(repos, caseId, actor);
      const current = await repos.projects.find(caseId, projectId);
      if (!current) throw new DomainError('NOT_FOUND', `Project ${projectId} bestaat niet in dit dossier. / Project ${projectId} does not exist in this case.`);
      const before = fieldsOf(current);
      const { reason, ...given } = change;
      const after: ProjectFields = { ...before };
      for (const key of Object.keys(given) as (keyof ProjectFields)[]) {
        if (given[key] !== undefined) (after as unknown as Record<string, unknown>)[key] = given[key];
      }
      const relinked = given.serves !== undefined;
      const version = relinked ? row.submittedRoadmapVersion ?? current.roadmapVersion : current.roadmapVersion;
      const transition = projectTransitionRefusal(before.status, after.status);
      if (transition) throw invalid([{ field: 'status', messages: [transition] }]);
      await refuseInvalid(repos, row, after, version, relinked || given.instrumentCode !== undefined);
      const changes = projectChanges(before, after);
      if (version !== current.roadmapVersion) changes.roadmapVersion = { from: current.roadmapVersion, to: version };
      // Asked for what is already so: nothing to record, the project as it is.
      if (Object.keys(changes).length === 0) return projectOf(current);
      const now = new Date();
      const columns = { ...columnsOf(after), roadmapVersion: version, updatedBy: actor.userId, updatedAt: now };
      await repos.projects.update(projectId, columns);
      await this.audit.append(repos, {
        actor,
        action: changes.status ? 'project.status_changed' : 'project.updated',
        caseId,
        reason,
        payload: { projectId, title: after.title, changes, stage: row.stage },
        requestId,
        workflowId: row.workflowId,
        idempotencyKey,
        occurredAt: now,
      });
      return projectOf({ ...current, ...columns });
    });
  }

  async page(caseId: string, filter: { status?: ProjectStatus; limit: number; offset: number }): Promise<ProjectPage> {
    const { items, total } = await this.db.read((repos) => repos.projects.page(caseId, filter));
    return { items: items.map(projectOf), total, limit: filter.limit, offset: filter.offset };
  }

  /** Each objective and milestone of the current submitted roadmap with its projects, the uncovered ones flagged. */
  async coverage(caseId: string): Promise<RoadmapCoverage & { caseId: string }> {
    return this.db.read(async (repos) => {
      const row = await repos.cases.findById(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet. / Case ${caseId} does not exist.`);
      const version = row.submittedRoadmapVersion;
      const roadmap = version === null ? null : await repos.roadmaps.findVersion(caseId, version);
      const projects = (await repos.projects.listForCase(caseId)).map(projectOf);
      return { caseId, ...roadmapCoverage(version, roadmap?.content ?? null, projects) };
    });
  }

  /** The ids of the case's projects (a dialogue report may speak only of these). */
  projectIds(caseId: string, repos: Repositories = this.db.repos): Promise<string[]> {
    return repos.projects.idsOfCase(caseId);
  }
}

/** The case row locked for a portfolio change: it exists, is open, and the actor still edits it. */
async function lockEditable(repos: Repositories, caseId: string, actor: Actor): Promise<CaseEntity> {
  const row = await repos.cases.findByIdForUpdate(caseId);
  if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
  // Checked again under the case's lock: a handover may have moved the case since the API asked.
  if (actor.role === 'case_handler' && row.accountManagerId !== actor.userId) {
    throw new DomainError('FORBIDDEN', refusalText(RULES.manageProjects.refusal));
  }
  if (row.stage === 'closed') {
    throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten; de projectportefeuille blijft zoals ze was. / The case is closed; its project portfolio stays as it was.');
  }
  return row;
}

/** Every rule of the fields together, the roadmap target and the instrument (of the case's policy version). */
async function refuseInvalid(repos: Repositories, row: CaseEntity, fields: ProjectFields, version: number, checkReferences: boolean): Promise<void> {
  const problems = projectProblems(fields);
  if (checkReferences) {
    const roadmap = await repos.roadmaps.findVersion(row.id, version);
    if (roadmap) problems.push(...roadmapTargetProblems(fields.serves, roadmap.content, version));
    const instruments = (await policyOf(repos, row)).content.instruments.map((i) => i.code);
    if (!instruments.includes(fields.instrumentCode)) {
      problems.push({
        field: 'instrumentCode',
        messages: [`${fields.instrumentCode} is geen instrument van beleidsversie ${row.policyVersion}; kies uit ${instruments.join(', ')}. / ${fields.instrumentCode} is not an instrument of policy version ${row.policyVersion}; choose from ${instruments.join(', ')}.`],
      });
    }
  }
  if (problems.length) throw invalid(problems);
}

function columnsOf(f: ProjectFields) {
  return {
    title: f.title,
    leadOrganisation: f.leadOrganisation,
    servesKind: f.serves.kind,
    servesIndex: f.serves.index,
    instrumentCode: f.instrumentCode,
    requestedCents: f.requestedCents,
    grantedCents: f.grantedCents,
    status: f.status,
    startDate: f.startDate,
    endDate: f.endDate,
  };
}

function fieldsOf(p: CaseProjectEntity): ProjectFields {
  return {
    title: p.title,
    leadOrganisation: p.leadOrganisation,
    serves: { kind: p.servesKind, index: p.servesIndex },
    instrumentCode: p.instrumentCode,
    requestedCents: p.requestedCents,
    grantedCents: p.grantedCents,
    status: p.status,
    startDate: p.startDate,
    endDate: p.endDate,
  };
}

function projectOf(p: CaseProjectEntity): Project {
  return {
    id: p.id,
    caseId: p.caseId,
    ...fieldsOf(p),
    roadmapVersion: p.roadmapVersion,
    createdBy: p.createdBy,
    createdAt: p.createdAt.toISOString(),
    updatedBy: p.updatedBy,
    updatedAt: p.updatedAt.toISOString(),
  };
}
