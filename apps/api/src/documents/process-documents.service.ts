import { Injectable } from '@nestjs/common';
import { DomainError, permitted } from '@cluster/domain';
import { DocumentsService, GovernmentDecisionService, type RecordedGovernmentDecision, type StoredDocument } from '@cluster/documents';
import { CaseQueriesService } from '@cluster/cases';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf, type RequestContext } from '../cases/case-updates.service';
import type { ReceivedFile } from './documents.dto';
import type { GovernmentDecisionFormDto } from './government-decision.dto';

/**
 * Who attaches the documents the later steps produce, as the permissions table says: the signed
 * agreement (its account manager, or a signer that version names), dialogue reports and milestone
 * evidence (the case's editors), and the government's decision (the case's steward). Reading
 * goes through the case, like every document of it (CaseDocuments.openForDownload).
 */
@Injectable()
export class ProcessDocuments {
  constructor(
    private readonly documents: DocumentsService,
    private readonly governmentDecisions: GovernmentDecisionService,
    private readonly cases: CaseAccess,
    private readonly queries: CaseQueriesService,
  ) {}

  async attachToAgreementVersion(ctx: RequestContext, caseId: string, version: number, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const view = await this.cases.visible(ctx.principal, caseId);
    const owner = await this.documents.agreementVersion(caseId, version);
    // The signers of this version (not only of one being signed: a signed copy comes after signing).
    const facts = { ...(await this.queries.accessFacts(view)), signerIds: owner.content.parties.map((p) => p.representativeUserId) };
    const role = permitted(ctx.principal, 'attachAgreementDocument', { case: facts });
    return this.documents.store(caseId, 'agreement_version', owner.id, uploaded(file), actorOf(ctx, role), { reason, requestId: ctx.requestId });
  }

  async attachToDialogueCycle(ctx: RequestContext, caseId: string, cycle: number, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const { role } = await this.cases.authorised(ctx.principal, caseId, 'attachDialogueDocument');
    const owner = await this.documents.dialogueCycle(caseId, cycle);
    return this.documents.store(caseId, 'dialogue_cycle', owner.id, uploaded(file), actorOf(ctx, role), { reason, requestId: ctx.requestId });
  }

  async attachToMilestone(ctx: RequestContext, caseId: string, milestoneId: string, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const { role } = await this.cases.authorised(ctx.principal, caseId, 'attachMilestoneDocument');
    const owner = await this.documents.milestone(caseId, milestoneId);
    return this.documents.store(caseId, 'trajectory_milestone', owner.id, uploaded(file), actorOf(ctx, role), { reason, requestId: ctx.requestId });
  }

  async recordGovernmentDecision(ctx: RequestContext, caseId: string, form: GovernmentDecisionFormDto, file: ReceivedFile | undefined): Promise<RecordedGovernmentDecision> {
    const { role } = await this.cases.authorised(ctx.principal, caseId, 'recordGovernmentDecision');
    const upload = file ? uploaded(file) : undefined;
    return this.governmentDecisions.record(caseId, form, upload, actorOf(ctx, role), ctx.requestId);
  }

  async governmentDecisionsOf(ctx: Pick<RequestContext, 'principal'>, caseId: string): Promise<RecordedGovernmentDecision[]> {
    await this.cases.visible(ctx.principal, caseId);
    return this.governmentDecisions.list(caseId);
  }
}

function uploaded(file: ReceivedFile | undefined) {
  if (!file) {
    throw new DomainError('VALIDATION_FAILED', 'Stuur het document mee als multipart-veld "file". / Send the document as the multipart field "file".', [
      { field: 'file', messages: ['Voeg een bestand toe. / file is required (multipart/form-data field "file")'] },
    ]);
  }
  return { originalName: file.originalname, mediaType: file.mimetype, buffer: file.buffer };
}
