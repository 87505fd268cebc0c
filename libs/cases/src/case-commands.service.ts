import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, EUROPEAN_LINKS_REFUSAL, europeanLinkProblems, lateSubmissionRefusal, roadmapPartsRequired, roadmapSubmissionGaps, roadmapSubmissionProblems, roadmapSubmissionRefusal, type CaseView, type NewCaseDetails, type RoadmapContent } from '@cluster/domain';
import type { RoadmapDraftSaved, RoadmapSubmitted } from '@cluster/contracts';
import { commandRef, Database, type Repositories } from '@cluster/persistence';
import { AuditService, documentSha256 } from '@cluster/audit';
import { toCaseView } from './case-view';
import { handler, newTask } from './tasks';
import { lockCaseFor, policyOf, type CommandContext } from './case-lock';

/**
 * Writes of the case process. Each command changes its records and appends its audit event in
 * one transaction, and is idempotent by `idempotencyKey` (activities run at least once): a retry
 * writes nothing and answers as the first attempt did (Database.once).
 */
@Injectable()
export class CaseCommandsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  async registerCase(caseId: string, details: NewCaseDetails, ctx: CommandContext): Promise<CaseView> {
    return this.db.once(commandRef(ctx, caseId, 'registerCase'), async (repos) => {
      if (await repos.audit.findByIdempotencyKey(ctx.idempotencyKey)) return this.view(repos, caseId);

      const manager = await repos.users.findById(details.accountManagerId);
      if (!manager || !manager.active || !manager.roles.includes('case_handler')) {
        throw new DomainError('VALIDATION_FAILED', 'De accountmanager moet een actieve dossierbehandelaar zijn; kies een andere collega. / The account manager must be an active case handler.', [
          { field: 'accountManagerId', messages: ['Kies een actieve dossierbehandelaar als accountmanager. / accountManagerId must be an active case handler'] },
        ]);
      }
      const policy = await repos.policies.latest();
      if (!policy) throw new DomainError('CONFLICT', 'Er zijn geen referentiegegevens geladen; vraag een beheerder ze te laden. / No reference data is loaded; run the seed first.');

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
        callId: null,
        policyVersion: policy.version,
        latestRoadmapVersion: null,
        submittedRoadmapVersion: null,
        standInId: null,
        pilot: false,
        createdAt: now,
        updatedAt: now,
      });
      await repos.tasks.open(newTask(caseId, 'roadmap_drafting', handler(details.accountManagerId), now));
      await repos.tasks.open(newTask(caseId, 'roadmap_drafting', { role: 'cluster_representative', ref: `case:${caseId}` }, now));
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'case.created',
        caseId,
        reason: ctx.meta.reason,
        payload: { ...details, policyVersion: policy.version, stage: 'roadmap_drafting' },
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
    return this.db.once(commandRef(ctx, caseId, 'saveRoadmapDraft'), async (repos) => {
      const existing = await repos.roadmaps.findByIdempotencyKey(ctx.idempotencyKey);
      if (existing) return draftSaved(existing);

      const row = await lockCaseFor(repos, caseId, 'saveRoadmapDraft');
      // The API checked the links already; this is the guard for any other path to the record.
      if (content.europeanLinks?.length) {
        const linkProblems = europeanLinkProblems(content.europeanLinks, (await policyOf(repos, row)).content, row.policyVersion);
        if (linkProblems.length) throw new DomainError('VALIDATION_FAILED', EUROPEAN_LINKS_REFUSAL, linkProblems);
      }

      const now = new Date();
      // The case row, read under the case lock, names the newest version: both versions' writers
      // (draft and submission) set it in their transaction. UNIQUE (case_id, version) is the backstop.
      const version = (row.latestRoadmapVersion ?? 0) + 1;
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
        payload: { version, sha256, stage: row.stage },
        documentHashes: [sha256],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return draftSaved(draft);
    });
  }

  /**
   * Freezes the latest draft as a submitted version (its SHA-256 binds everything that follows:
   * assessments, advice, decision) and moves the case to the quality assessment.
   */
  async submitRoadmap(caseId: string, ctx: CommandContext): Promise<RoadmapSubmitted> {
    return this.db.once(commandRef(ctx, caseId, 'submitRoadmap'), async (repos) => {
      const existing = await repos.roadmaps.findByIdempotencyKey(ctx.idempotencyKey);
      const row = existing ? await repos.cases.findById(caseId) : await lockCaseFor(repos, caseId, 'submitRoadmap');
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      const policy = await policyOf(repos, row);
      if (existing) return submitted(existing, policy.content.minAssessors);

      const versions = await repos.roadmaps.listForCase(caseId);
      const draft = versions.filter((v) => v.kind === 'draft').at(-1);
      const lastSubmitted = versions.filter((v) => v.kind === 'submitted').at(-1);
      if (!draft || (lastSubmitted && lastSubmitted.version > draft.version)) {
        throw new DomainError('CONFLICT', 'Er is geen nieuw ontwerp om in te dienen; bewaar eerst een ontwerp van de routekaart. / There is no new draft to submit; save a draft first.');
      }
      // A call's candidate submits before its call closes (call.ts).
      const call = row.callId ? await repos.calls.findById(row.callId) : null;
      const late = call && lateSubmissionRefusal(call, new Date());
      if (late) throw new DomainError('STAGE_CONFLICT', late);
      // A draft may be incomplete; what is frozen for assessment may not.
      const required = roadmapPartsRequired(policy.content);
      const gaps = roadmapSubmissionGaps(draft.content, required);
      if (gaps.length) throw new DomainError('VALIDATION_FAILED', roadmapSubmissionRefusal(gaps), roadmapSubmissionProblems(draft.content, required));
      const now = new Date();
      const frozen = {
        id: randomUUID(),
        caseId,
        version: versions.at(-1)!.version + 1,
        kind: 'submitted' as const,
        content: draft.content,
        sha256: draft.sha256,
        createdBy: ctx.meta.actor.userId,
        createdAt: now,
        idempotencyKey: ctx.idempotencyKey,
      };
      await repos.roadmaps.insert(frozen);
      // The draft's attachments belong to the frozen version too (same stored bytes, same hashes).
      const attachments = await repos.documents.listForOwner('roadmap_version', draft.id);
      for (const d of attachments) {
        await repos.documents.insert({ ...d, id: randomUUID(), ownerId: frozen.id, uploadedAt: now });
      }
      await repos.cases.update(caseId, {
        stage: 'quality_assessment',
        latestRoadmapVersion: frozen.version,
        submittedRoadmapVersion: frozen.version,
        updatedAt: now,
      });
      await repos.tasks.close(caseId, 'roadmap_drafting');
      await repos.tasks.close(caseId, 'roadmap_revision');
      await repos.tasks.open(newTask(caseId, 'assessor_assignment', handler(row.accountManagerId), now));
      await this.audit.append(repos, {
        actor: ctx.meta.actor,
        action: 'roadmap.submitted',
        caseId,
        reason: ctx.meta.reason,
        payload: {
          version: frozen.version,
          fromDraftVersion: draft.version,
          sha256: frozen.sha256,
          attachments: attachments.map((d) => ({ fileName: d.fileName, sha256: d.sha256 })),
          stage: 'quality_assessment',
        },
        documentHashes: [frozen.sha256, ...attachments.map((d) => d.sha256)],
        requestId: ctx.meta.requestId,
        workflowId: ctx.workflowId,
        idempotencyKey: ctx.idempotencyKey,
        occurredAt: now,
      });
      return submitted(frozen, policy.content.minAssessors);
    });
  }

  private async view(repos: Repositories, caseId: string): Promise<CaseView> {
    const row = await repos.cases.findById(caseId);
    if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
    return toCaseView(row, await repos.tasks.listOpenForCase(caseId));
  }
}

function submitted(v: { caseId: string; version: number; sha256: string; createdAt: Date }, requiredAssessments: number): RoadmapSubmitted {
  return { caseId: v.caseId, version: v.version, sha256: v.sha256, submittedAt: v.createdAt.toISOString(), requiredAssessments };
}

function draftSaved(d: { caseId: string; version: number; sha256: string; createdAt: Date }): RoadmapDraftSaved {
  return { caseId: d.caseId, version: d.version, sha256: d.sha256, savedAt: d.createdAt.toISOString() };
}
