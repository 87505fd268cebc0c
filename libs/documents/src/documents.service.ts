import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, lateAdviceRefusal, type Actor } from '@cluster/domain';
import {
  Database,
  type AdviceRequestEntity,
  type CaseEntity,
  type DocumentEntity,
  type DocumentOwnerType,
  type Repositories,
  type RoadmapVersionEntity,
} from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { DOCUMENT_STORAGE, storageKeyFor, type DocumentStorage } from './document-storage';
import { checkMediaType } from './media-types';
import { safeFileName } from './file-name';

/** An upload as the HTTP layer received it. */
export interface UploadedDocument {
  /** The name on the client's machine (untrusted: cleaned before it is stored). */
  originalName: string;
  /** The declared media type (untrusted: checked against the content). */
  mediaType: string;
  buffer: Buffer;
}

export interface DocumentLimits {
  maxBytes: number;
}

/** Nest injection token of the DocumentLimits (from DOCUMENTS_MAX_BYTES). */
export const DOCUMENT_LIMITS = Symbol('DOCUMENT_LIMITS');

export interface StoreOptions {
  reason?: string | null;
  requestId?: string | null;
}

export interface StoredDocument {
  document: DocumentEntity;
  /** False when the owner had these exact bytes already: nothing new was recorded. */
  created: boolean;
}

export interface OpenedDocument {
  document: DocumentEntity;
  stream: Readable;
}

/**
 * Documents attached to a roadmap version or an advice request. The bytes go to the document store
 * first (content-addressed, so storing them twice is harmless); then the row and its audit event
 * are written in one transaction. A row therefore never points at bytes that are not there.
 */
@Injectable()
export class DocumentsService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    @Inject(DOCUMENT_STORAGE) private readonly storage: DocumentStorage,
    @Inject(DOCUMENT_LIMITS) private readonly limits: DocumentLimits,
  ) {}

  get maxBytes(): number {
    return this.limits.maxBytes;
  }

  /** A roadmap version of a case by its number (404 when the case has no such version). */
  async roadmapVersion(caseId: string, version: number): Promise<RoadmapVersionEntity> {
    const versions = await this.db.read((repos) => repos.roadmaps.listForCase(caseId));
    const found = versions.find((v) => v.version === version);
    if (!found) throw new DomainError('NOT_FOUND', `Case ${caseId} has no roadmap version ${version}.`);
    return found;
  }

  async adviceRequest(requestId: string): Promise<AdviceRequestEntity> {
    const request = await this.db.read((repos) => repos.advice.findById(requestId));
    if (!request) throw new DomainError('NOT_FOUND', `Advice request ${requestId} does not exist.`);
    return request;
  }

  async store(
    caseId: string,
    ownerType: DocumentOwnerType,
    ownerId: string,
    file: UploadedDocument,
    actor: Actor,
    options: StoreOptions = {},
  ): Promise<StoredDocument> {
    const fileName = safeFileName(file.originalName);
    const size = file.buffer.length;
    if (size === 0) {
      throw new DomainError('VALIDATION_FAILED', 'The file is empty.', [{ field: 'file', messages: ['file must not be empty'] }]);
    }
    if (size > this.limits.maxBytes) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `The file is ${size} bytes; the limit is ${this.limits.maxBytes} bytes.`);
    }
    const type = checkMediaType(file.mediaType, fileName, file.buffer);
    if (!type.ok) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', type.reason);

    // Checked before the bytes are written, so a refused upload leaves nothing in the store;
    // checked again under the case lock below, where it counts.
    await this.db.read(async (repos) => this.assertAcceptsDocuments(repos, await this.caseRow(repos, caseId, false), ownerType, ownerId));

    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    const storageKey = storageKeyFor(sha256);
    await this.storage.put(storageKey, file.buffer, size);

    return this.db.transaction(async (repos) => {
      // The case lock orders this upload with the commands that freeze its owner (submit, advice).
      const row = await this.caseRow(repos, caseId, true);
      const context = await this.assertAcceptsDocuments(repos, row, ownerType, ownerId, true);
      const existing = await repos.documents.findByContent(ownerType, ownerId, sha256);
      if (existing) return { document: existing, created: false };

      const now = new Date();
      const document: DocumentEntity = {
        id: randomUUID(),
        caseId,
        ownerType,
        ownerId,
        fileName,
        mediaType: type.mediaType,
        sizeBytes: size,
        sha256,
        storageKey,
        uploadedBy: actor.userId,
        uploadedAt: now,
      };
      await repos.documents.insert(document);
      await this.audit.append(repos, {
        actor,
        action: 'document.attached',
        caseId,
        reason: options.reason ?? null,
        payload: { documentId: document.id, ownerType, ownerId, ...context, fileName, mediaType: type.mediaType, sha256, size },
        documentHashes: [sha256],
        requestId: options.requestId ?? null,
        occurredAt: now,
      });
      return { document, created: true };
    });
  }

  list(ownerType: DocumentOwnerType, ownerId: string): Promise<DocumentEntity[]> {
    return this.db.read((repos) => repos.documents.listForOwner(ownerType, ownerId));
  }

  listForCase(caseId: string): Promise<DocumentEntity[]> {
    return this.db.read((repos) => repos.documents.listForCase(caseId));
  }

  /** The document's record (404 when unknown); its bytes come from `content`. */
  async get(documentId: string): Promise<DocumentEntity> {
    const document = await this.db.read((repos) => repos.documents.findById(documentId));
    if (!document) throw new DomainError('NOT_FOUND', `Document ${documentId} does not exist.`);
    return document;
  }

  /** The bytes as a stream, never loaded whole. */
  content(document: DocumentEntity): Promise<Readable> {
    return this.storage.get(document.storageKey);
  }

  async open(documentId: string): Promise<OpenedDocument> {
    const document = await this.get(documentId);
    return { document, stream: await this.content(document) };
  }

  private async caseRow(repos: Repositories, caseId: string, lock: boolean): Promise<CaseEntity> {
    const row = lock ? await repos.cases.findByIdForUpdate(caseId) : await repos.cases.findById(caseId);
    if (!row) throw new DomainError('NOT_FOUND', `Case ${caseId} does not exist.`);
    return row;
  }

  /**
   * What may still receive documents: a draft roadmap version while the case is being drafted
   * (a submitted version is frozen), and an open advice request within its term (advice is final).
   * Returns what the audit event should say about the owner.
   */
  private async assertAcceptsDocuments(
    repos: Repositories,
    row: CaseEntity,
    ownerType: DocumentOwnerType,
    ownerId: string,
    lock = false,
  ): Promise<Record<string, unknown>> {
    switch (ownerType) {
      case 'roadmap_version': {
        const version = (await repos.roadmaps.listForCase(row.id)).find((v) => v.id === ownerId);
        if (!version) throw new DomainError('NOT_FOUND', `Case ${row.id} has no such roadmap version.`);
        if (version.kind !== 'draft') {
          throw new DomainError('CONFLICT', `Roadmap version ${version.version} was submitted and is frozen; attach documents to a new draft.`);
        }
        if (row.stage !== 'roadmap_drafting') {
          throw new DomainError('STAGE_CONFLICT', `Documents are attached to roadmap drafts while the case is in roadmap_drafting; it is in ${row.stage}.`);
        }
        return { roadmapVersion: version.version };
      }
      case 'advice_request': {
        const request = lock ? await repos.advice.findByIdForUpdate(ownerId) : await repos.advice.findById(ownerId);
        if (!request || request.caseId !== row.id) throw new DomainError('NOT_FOUND', `Case ${row.id} has no such advice request.`);
        if (request.status !== 'open') {
          throw new DomainError('STAGE_CONFLICT', `The advice request of ${request.councilCode} is ${request.status}; its documents are final.`);
        }
        const late = lateAdviceRefusal(request.dueAt, new Date());
        if (late) throw new DomainError('STAGE_CONFLICT', late);
        return { councilCode: request.councilCode, round: request.round };
      }
      default:
        throw new DomainError('VALIDATION_FAILED', `Unknown document owner: ${String(ownerType)}`);
    }
  }
}
