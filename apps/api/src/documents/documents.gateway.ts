import { Injectable } from '@nestjs/common';
import { DomainError, roadmapEditorRole, type Principal } from '@cluster/domain';
import { DocumentsService, type OpenedDocument, type StoredDocument } from '@cluster/documents';
import type { DocumentEntity } from '@cluster/persistence';
import { CaseCommandsGateway } from '../cases/case-commands.gateway';
import { actorOf, type RequestContext } from '../cases/case-updates.service';
import { AdviceRequestAccess, isCouncilMemberOf } from '../process/advice-request-access';
import type { ReceivedFile } from './documents.dto';

/**
 * Who may attach and read which documents. Attaching: the case's cluster representatives and its
 * account manager (roadmap drafts), the members of the addressed council (its advice request).
 * Reading: whoever may read the case, and the council for the documents of its own request and
 * of the frozen roadmap version that request is about.
 */
@Injectable()
export class DocumentsGateway {
  constructor(
    private readonly documents: DocumentsService,
    private readonly cases: CaseCommandsGateway,
    private readonly adviceRequests: AdviceRequestAccess,
  ) {}

  async attachToRoadmapVersion(ctx: RequestContext, caseId: string, version: number, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const view = await this.cases.readable(ctx.principal, caseId);
    const role = roadmapEditorRole(ctx.principal, view);
    if (!role) throw new DomainError('FORBIDDEN', "Only the case's cluster representatives and its account manager attach documents to the roadmap.");
    const owner = await this.documents.roadmapVersion(caseId, version);
    return this.documents.store(caseId, 'roadmap_version', owner.id, uploaded(file), actorOf(ctx, role), { reason, requestId: ctx.requestId });
  }

  async attachToAdviceRequest(ctx: RequestContext, requestId: string, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const request = await this.documents.adviceRequest(requestId);
    if (!isCouncilMemberOf(ctx.principal, request.councilCode)) {
      throw new DomainError('FORBIDDEN', `Only members of council ${request.councilCode} attach documents to its advice request.`);
    }
    return this.documents.store(request.caseId, 'advice_request', requestId, uploaded(file), actorOf(ctx, 'council_member'), { reason, requestId: ctx.requestId });
  }

  async listForCase(principal: Principal, caseId: string): Promise<DocumentEntity[]> {
    await this.cases.readable(principal, caseId);
    return this.documents.listForCase(caseId);
  }

  async listForAdviceRequest(principal: Principal, requestId: string): Promise<DocumentEntity[]> {
    await this.adviceRequests.readable(principal, requestId);
    return this.documents.list('advice_request', requestId);
  }

  /** The document and its bytes: 404 when unknown, 403 when the caller may not read it. */
  async openForDownload(principal: Principal, documentId: string): Promise<OpenedDocument> {
    const document = await this.documents.get(documentId);
    if (!(await this.councilOwns(principal, document))) await this.cases.readable(principal, document.caseId);
    return { document, stream: await this.documents.content(document) };
  }

  private async councilOwns(principal: Principal, document: DocumentEntity): Promise<boolean> {
    if (!principal.roles.includes('council_member')) return false;
    if (document.ownerType === 'roadmap_version') return this.adviceRequests.councilAdvisesOn(principal, document.caseId, document.ownerId);
    if (document.ownerType !== 'advice_request') return false;
    const request = await this.documents.adviceRequest(document.ownerId);
    return isCouncilMemberOf(principal, request.councilCode);
  }
}

function uploaded(file: ReceivedFile | undefined) {
  if (!file) {
    throw new DomainError('VALIDATION_FAILED', 'Send the document as the multipart field "file".', [
      { field: 'file', messages: ['file is required (multipart/form-data field "file")'] },
    ]);
  }
  return { originalName: file.originalname, mediaType: file.mimetype, buffer: file.buffer };
}
