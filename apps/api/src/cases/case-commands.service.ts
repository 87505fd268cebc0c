import { v5 as uuidv5 } from 'uuid';
import { Injectable } from '@nestjs/common';
import { WithStartWorkflowOperation } from '@temporalio/client';
import type { Workflow } from '@temporalio/common';
import { AppConfig } from '@cluster/config';
import { DomainError, EUROPEAN_LINKS_REFUSAL, europeanLinkProblems, type CaseView } from '@cluster/domain';
import {
  CASE_WORKFLOW_TYPE,
  caseStartAttributes,
  caseWorkflowId,
  registerCaseUpdate,
  saveRoadmapDraftUpdate,
  type CaseWorkflowInput,
  type RoadmapDraftSaved,
} from '@cluster/contracts';
import { Database } from '@cluster/persistence';
import type { CreateCaseDto } from './create-case.dto';
import type { RoadmapDraftDto } from './roadmap-draft.dto';
import { actorOf, CaseUpdates, type RequestContext } from './case-updates.service';
import { CaseAccess } from './case-access.service';

/** Namespace of the name-based (v5) case ids; fixed forever, or retried requests would get new cases. */
const CASE_ID_NAMESPACE = '3f1c2a5e-8d4b-4c71-9a0e-6b2f7d9e1c34';

/**
 * The API's side of the case's own commands (opening it, saving a roadmap draft): who may do it
 * to which case (CaseAccess), then a Temporal update on the case workflow (whose validator checks
 * the stage). The update id is the request id, so a retried request is applied once. The later
 * stages' commands are in ProcessCommands.
 */
@Injectable()
export class CaseCommands {
  constructor(
    private readonly updates: CaseUpdates,
    private readonly config: AppConfig,
    private readonly db: Database,
    private readonly access: CaseAccess,
  ) {}

  async create(ctx: RequestContext, dto: CreateCaseDto): Promise<CaseView> {
    // Checked here as well as in the activity, so a bad request never starts a workflow.
    const manager = await this.db.read((repos) => repos.users.findById(dto.accountManagerId));
    if (!manager || !manager.active || !manager.roles.includes('case_handler')) {
      throw new DomainError('VALIDATION_FAILED', 'De accountmanager moet een actieve dossierbehandelaar zijn; kies een andere collega. / The account manager must be an active case handler.', [
        { field: 'accountManagerId', messages: ['Kies een actieve dossierbehandelaar als accountmanager. / accountManagerId must be an active case handler'] },
      ]);
    }
    // The case id follows from who asked and the request id, so a client retrying with the same
    // X-Request-Id reaches the workflow its first attempt started and gets that case back.
    const caseId = uuidv5(`${ctx.principal.userId}:${ctx.requestId}`, CASE_ID_NAMESPACE);
    const input: CaseWorkflowInput = {
      caseId,
      details: {
        clusterName: dto.clusterName,
        domain: dto.domain,
        leadActors: dto.leadActors,
        partners: dto.partners,
        accountManagerId: dto.accountManagerId,
      },
    };
    const start = new WithStartWorkflowOperation<Workflow>(CASE_WORKFLOW_TYPE, {
      workflowId: caseWorkflowId(caseId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      // CaseStage, ClusterName, AccountManager for `temporal workflow list --query` and the Web UI.
      ...caseStartAttributes(input.details),
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A closed case's id is never started again, whatever request arrives with it.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    return this.updates.startWith(start, registerCaseUpdate, { meta: { actor: actorOf(ctx), requestId: ctx.requestId, reason: dto.reason } }, ctx.requestId);
  }

  async saveRoadmapDraft(ctx: RequestContext, caseId: string, dto: RoadmapDraftDto): Promise<RoadmapDraftSaved> {
    const { view, role } = await this.access.authorised(ctx.principal, caseId, 'saveRoadmapDraft');
    // Links name reference data of the case's own version: checked here so a bad one never
    // reaches the workflow (the activity checks again, for any other path).
    if (dto.europeanLinks?.length) {
      const policy = await this.db.read((repos) => repos.policies.get(view.policyVersion));
      const problems = europeanLinkProblems(dto.europeanLinks, policy?.content ?? {}, view.policyVersion);
      if (problems.length) throw new DomainError('VALIDATION_FAILED', EUROPEAN_LINKS_REFUSAL, problems);
    }
    const { reason, ...content } = dto;
    const meta = { actor: actorOf(ctx, role), requestId: ctx.requestId, reason };
    return this.updates.send(view.workflowId, saveRoadmapDraftUpdate, { meta, content }, ctx.requestId);
  }
}
