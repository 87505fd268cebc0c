import { Injectable } from '@nestjs/common';
import { DomainError, permitted, type Principal } from '@cluster/domain';
import { DocumentsService, type OpenedDocument, type StoredDocument } from '@cluster/documents';
import type { DocumentEntity } from '@cluster/persistence';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf, type RequestContext } from '../cases/case-updates.service';
import { AdviceRequestAccess } from '../process/advice-request-access';
import type { ReceivedFile } from './documents.dto';

/**
 * Who may attach and read which documents. Attaching: the case's cluster representatives and its
 * account manager (roadmap drafts), the members of the addressed council (its advice request).
 * Reading: whoever may read the case, and the council for the documents of its own request and
 * of the frozen roadmap version that request is about.
 */
@Injectable()
export class CaseDocuments {
  constructor(
    private readonly documents: DocumentsService,
    private readonly cases: CaseAccess,
    private readonly adviceRequests: AdviceRequestAccess,
  ) {}

  async attachToRoadmapVersion(ctx: RequestContext, caseId: string, version: number, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const { role } = await this.cases.authorised(ctx.principal, caseId, 'attachRoadmapDocument');
    const owner = await this.documents.roadmapVersion(caseId, version);
    return this.documents.store(caseId, 'roadmap_version', owner.id, uploaded(file), actorOf(ctx, role), { reason, requestId: ctx.requestId });
  }

  async attachToAdviceRequest(ctx: RequestContext, requestId: string, file: ReceivedFile | undefined, reason?: string): Promise<StoredDocument> {
    const request = await this.documents.adviceRequest(requestId);
    const role = permitted(ctx.principal, 'attachAdviceDocument', { councilCode: request.councilCode });
    return this.documents.store(request.caseId, 'advice_request', requestId, uploaded(file), actorOf(ctx, role), { reason, requestId: ctx.requestId });
  }

  async listForCase(principal: Principal, caseId: string): Promise<DocumentEntity[]> {
    await this.cases.visible(principal, caseId);
    return this.documents.listForCase(caseId);
  }

  async listForAdviceRequest(principal: Principal, requestId: string): Promise<DocumentEntity[]> {
    await this.adviceRequests.readable(principal, requestId);
    return this.documents.list('advice_request', requestId);
  }

  /** The document and its bytes: 404 when unknown, 403 when the caller may not read it. */
  async openForDownload(principal: Principal, documentId: string): Promise<OpenedDocument> {
    const document = await this.documents.get(documentId);
    // A document of an advice request is read as its request is; any other as its case is.
    if (document.ownerType === 'advice_request') {
      await this.adviceRequests.readable(principal, document.ownerId);
    } else if (await this.adviceRequests.councilAdvisesOn(principal, document.caseId, document.ownerId)) {
      // The roadmap version a council was asked about: read as its request is (permissions table).
      permitted(principal, 'readAdviceRequest', { case: { id: document.caseId }, councilCode: principal.councilCode });
    } else {
      await this.cases.visible(principal, document.caseId);
    }
    return { document, stream: await this.documents.content(document) };
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
