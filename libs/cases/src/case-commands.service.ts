import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { assertCommandAllowed, DomainError, type CaseView, type NewCaseDetails, type RoadmapContent } from '@cluster/domain';
import type { CommandMeta, RoadmapDraftSaved } from '@cluster/contracts';
import { Database, type Repositories } from '@cluster/persistence';
import { AuditService, documentSha256 } from '@cluster/audit';
import { toCaseView } from './case-view';

export interface CommandContext {
  meta: CommandMeta;
  workflowId: string;
  /** Derived from the workflow and update ids: the same command never applies twice. */
  idempotencyKey: string;
}

/**
 * Writes of the case process. Each command changes its records and appends its audit event in
 * one transaction, and is idempotent by `idempotencyKey` (activities run at least once).
 */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async registerCase(caseId: string, details: NewCaseDetails, ctx: CommandContext): Promise<CaseView> {
    return this.db.transaction(async (repos) => {
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return this.view(repos, caseId);

      const manager = await repos.users.findById(details.accountManagerId);
      if (!manager || !manager.active || !manager.roles.includes('case_handler')) {
        throw new DomainError('VALIDATION_FAILED', 'The account manager must be an active case handler.', [
          { field: 'accountManagerId', messages: ['accountManagerId must be an active case handler'] },
        ]);
      }
      const policy = await repos.policies.latest();
      if (!policy) throw new DomainError('CONFLICT', 'No reference data is loaded; run the seed first.');

      const now = new Date();
      await repos.cases.insert({
        id: caseId,
        workflowId: ctx.workflowId,
        clusterName: details.clusterName,
        domain: details.domain,
        leadActors: details.leadActors,
        partners: details.partners,
        accountManagerId: details.accountManagerId,
        stage: 'roadmap_drafting',
        policyVersion: policy.version,
        latestRoadmapVersion: null,
        createdAt: now,
        updatedAt: now,
      });
      await repos.tasks.open({
        id: randomUUID(),
        caseId,
        kind: 'roadmap_drafting',
        assigneeRole: 'case_handler',
        assigneeRef: details.accountManagerId,
        dueAt: null,
        createdAt: now,
      });
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'case.created',
        caseId,
        reason: ctx.meta.reason,
        payload: { ...details, policyVersion: policy.version },
        documentHashes: [policy.sha256],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return this.view(repos, caseId);
    });
  }

  async saveRoadmapDraft(caseId: string, content: RoadmapContent, ctx: CommandContext): Promise<RoadmapDraftSaved> {
    return this.db.transaction(async (repos) => {
      const existing = await repos.roadmaps.findByIdempotencyKey(ctx.idempotencyKey);
      if (existing) return draftSaved(existing);

      const row = await repos.cases.findByIdForUpdate(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Case ${caseId} does not exist.`);
      assertCommandAllowed(row.stage, 'saveRoadmapDraft');

      const now = new Date();
      const version = (await repos.roadmaps.latestVersion(caseId)) + 1;
      const sha256 = documentSha256(content);
      const draft = {
        id: randomUUID(),
        caseId,
        version,
        kind: 'draft' as const,
        content,
        sha256,
        createdBy: ctx.meta.actor.userId,
        createdAt: now,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.roadmaps.insert(draft);
      await repos.cases.update(caseId, { latestRoadmapVersion: version, updatedAt: now });
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'roadmap.draft_saved',
        caseId,
        reason: ctx.meta.reason,
        payload: { version, sha256 },
        documentHashes: [sha256],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return draftSaved(draft);
    });
  }

  private async view(repos: Repositories, caseId: string): Promise<CaseView> {
    const row = await repos.cases.findById(caseId);
    if (!row) throw new DomainError('NOT_FOUND', `Case ${caseId} does not exist.`);
    return toCaseView(row, await repos.tasks.listOpenForCase(caseId));
  }
}

function draftSaved(d: { caseId: string; version: number; sha256: string; createdAt: Date }): RoadmapDraftSaved {
  return { caseId: d.caseId, version: d.version, sha256: d.sha256, savedAt: d.createdAt.toISOString() };
}
