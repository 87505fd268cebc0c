import { createHash, randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { DomainError, lateAdviceRefusal, type Actor, STAGE_WORDS } from '@cluster/domain';
import {
  Database,
  type AdviceRequestEntity,
  type AgreementVersionEntity,
  type DialogueCycleEntity,
  type TrajectoryMilestoneEntity,
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

/** An upload that passed the checks, with its hash: what `keep` writes and `recordIn` records. */
export interface AcceptedDocument {
  fileName: string;
  mediaType: string;
  size: number;
  sha256: string;
  storageKey: string;
  buffer: Buffer;
}

export interface OpenedDocument {
  document: DocumentEntity;
  stream: Readable;
}

/**
 * Documents attached to what the process produces them for (roadmap versions, advice requests,
 * agreement versions, dialogue cycles, trajectory milestones, the government decision). The bytes go to the document store
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
    if (!found) throw new DomainError('NOT_FOUND', `Dossier ${caseId} heeft geen versie ${version} van de routekaart. / Case ${caseId} has no roadmap version ${version}.`);
    return found;
  }

  /** An agreement version of a case by its number (404 when the case has no such version). */
  async agreementVersion(caseId: string, version: number): Promise<AgreementVersionEntity> {
    const found = (await this.db.read((repos) => repos.agreements.versions(caseId))).find((v) => v.version === version);
    if (!found) throw new DomainError('NOT_FOUND', `Dossier ${caseId} heeft geen versie ${version} van de partnerschapsovereenkomst. / Case ${caseId} has no agreement version ${version}.`);
    return found;
  }

  /** A dialogue cycle of a case by its number (404 when it has not begun). */
  async dialogueCycle(caseId: string, cycle: number): Promise<DialogueCycleEntity> {
    const found = await this.db.read((repos) => repos.dialogue.cycle(caseId, cycle));
    if (!found) throw new DomainError('NOT_FOUND', `Dossier ${caseId} heeft geen dialoogcyclus ${cycle}. / Case ${caseId} has no dialogue cycle ${cycle}.`);
    return found;
  }

  /** A milestone of a case's test trajectory (404 when the case has no such milestone). */
  async milestone(caseId: string, milestoneId: string): Promise<TrajectoryMilestoneEntity> {
    const found = (await this.db.read((repos) => repos.trajectory.milestones(caseId))).find((m) => m.id === milestoneId);
    if (!found) throw new DomainError('NOT_FOUND', `Dossier ${caseId} heeft geen mijlpaal ${milestoneId}. / Case ${caseId} has no milestone ${milestoneId}.`);
    return found;
  }

  async adviceRequest(requestId: string): Promise<AdviceRequestEntity> {
    const request = await this.db.read((repos) => repos.advice.findById(requestId));
    if (!request) throw new DomainError('NOT_FOUND', `Adviesverzoek ${requestId} bestaat niet. / Advice request ${requestId} does not exist.`);
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
    const accepted = this.accept(file);
    // Checked before the bytes are written, so a refused upload leaves nothing in the store;
    // checked again under the case lock below, where it counts.
    await this.db.read(async (repos) => this.assertAcceptsDocuments(repos, await this.caseRow(repos, caseId, false), ownerType, ownerId));
    await this.keep(accepted);

    return this.db.transaction(async (repos) => {
      // The case lock orders this upload with the commands that freeze its owner (submit, advice).
      const row = await this.caseRow(repos, caseId, true);
      const context = await this.assertAcceptsDocuments(repos, row, ownerType, ownerId, true);
      const existing = await repos.documents.findByContent(ownerType, ownerId, accepted.sha256);
      if (existing) return { document: existing, created: false };

      const now = new Date();
      const document = await this.recordIn(repos, { caseId, ownerType, ownerId, accepted, uploadedBy: actor.userId, at: now });
      const { fileName, mediaType, sha256, size } = accepted;
      await this.audit.append(repos, {
        actor,
        action: 'document.attached',
        caseId,
        reason: options.reason ?? null,
        payload: { documentId: document.id, ownerType, ownerId, ...context, fileName, mediaType, sha256, size },
        documentHashes: [sha256],
        requestId: options.requestId ?? null,
        occurredAt: now,
      });
      return { document, created: true };
    });
  }

  /**
   * Checks an upload (not empty, within the limit, a format we accept whose bytes match it) and
   * hashes it; nothing is written yet. 400, 413 or 415 when it is refused.
   */
  accept(file: UploadedDocument): AcceptedDocument {
    const fileName = safeFileName(file.originalName);
    const size = file.buffer.length;
    if (size === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Het bestand is leeg; kies het juiste bestand. / The file is empty.', [{ field: 'file', messages: ['Het bestand mag niet leeg zijn. / file must not be empty'] }]);
    }
    if (size > this.limits.maxBytes) {
      throw new DomainError('PAYLOAD_TOO_LARGE', `Het bestand is ${size} bytes groot; de limiet is ${this.limits.maxBytes} bytes. Kies een kleiner bestand. / The file is ${size} bytes; the limit is ${this.limits.maxBytes} bytes.`);
    }
    const type = checkMediaType(file.mediaType, fileName, file.buffer);
    if (!type.ok) throw new DomainError('UNSUPPORTED_MEDIA_TYPE', type.reason);
    const sha256 = createHash('sha256').update(file.buffer).digest('hex');
    return { fileName, mediaType: type.mediaType, size, sha256, storageKey: storageKeyFor(sha256), buffer: file.buffer };
  }

  /** Writes accepted bytes to the store (content-addressed: writing them twice is harmless). */
  async keep(accepted: AcceptedDocument): Promise<void> {
    await this.storage.put(accepted.storageKey, accepted.buffer, accepted.size);
  }

  /** The document's row, inside the caller's transaction (which writes its audit event); the bytes were kept before. */
  async recordIn(
    repos: Repositories,
    d: { caseId: string; ownerType: DocumentOwnerType; ownerId: string; accepted: AcceptedDocument; uploadedBy: string; at: Date },
  ): Promise<DocumentEntity> {
    const document: DocumentEntity = {
      id: randomUUID(),
      caseId: d.caseId,
      ownerType: d.ownerType,
      ownerId: d.ownerId,
      fileName: d.accepted.fileName,
      mediaType: d.accepted.mediaType,
      sizeBytes: d.accepted.size,
      sha256: d.accepted.sha256,
      storageKey: d.accepted.storageKey,
      uploadedBy: d.uploadedBy,
      uploadedAt: d.at,
    };
    await repos.documents.insert(document);
    return document;
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
    if (!document) throw new DomainError('NOT_FOUND', `Document ${documentId} bestaat niet. / Document ${documentId} does not exist.`);
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
    if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
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
        if (!version) throw new DomainError('NOT_FOUND', `Dossier ${row.id} heeft die versie van de routekaart niet. / Case ${row.id} has no such roadmap version.`);
        if (version.kind !== 'draft') {
          throw new DomainError('CONFLICT', `Versie ${version.version} van de routekaart is ingediend en bevroren; voeg documenten toe aan een nieuw ontwerp. / Roadmap version ${version.version} was submitted and is frozen; attach documents to a new draft.`);
        }
        if (row.stage !== 'roadmap_drafting') {
          throw new DomainError('STAGE_CONFLICT', `Documenten horen bij ontwerpen van de routekaart zolang het dossier in de opmaak van de routekaart is; het is in de fase "${STAGE_WORDS[row.stage].nl}". / Documents are attached to roadmap drafts while the roadmap is being drafted; the case is in the stage "${STAGE_WORDS[row.stage].en}".`);
        }
        return { roadmapVersion: version.version };
      }
      case 'advice_request': {
        const request = lock ? await repos.advice.findByIdForUpdate(ownerId) : await repos.advice.findById(ownerId);
        if (!request || request.caseId !== row.id) throw new DomainError('NOT_FOUND', `Dossier ${row.id} heeft dat adviesverzoek niet. / Case ${row.id} has no such advice request.`);
        if (request.status !== 'open') {
          throw new DomainError('STAGE_CONFLICT', `Het adviesverzoek aan ${request.councilCode} is afgerond (${request.status}); de documenten ervan zijn definitief. / The advice request of ${request.councilCode} is ${request.status}; its documents are final.`);
        }
        const late = lateAdviceRefusal(request.dueAt, new Date());
        if (late) throw new DomainError('STAGE_CONFLICT', late);
        return { councilCode: request.councilCode, round: request.round };
      }
      case 'agreement_version': {
        // The signed copy (and annexes) of a version that is being signed or was signed; a
        // superseded version's papers are final. During the dialogue the current version still takes them.
        const version = (await repos.agreements.versions(row.id)).find((v) => v.id === ownerId);
        if (!version) throw new DomainError('NOT_FOUND', `Dossier ${row.id} heeft die versie van de partnerschapsovereenkomst niet. / Case ${row.id} has no such agreement version.`);
        if (row.stage === 'closed') throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten. / The case is closed.');
        if (version.status === 'superseded') {
          throw new DomainError('CONFLICT', `Versie ${version.version} van de partnerschapsovereenkomst is vervangen; voeg documenten toe aan de huidige versie. / Agreement version ${version.version} was superseded; attach documents to the current version.`);
        }
        return { agreementVersion: version.version, agreementSha256: version.sha256 };
      }
      case 'dialogue_cycle': {
        // A report's documents belong with it until the account manager records the outcome.
        const cycle = (await repos.dialogue.cycles(row.id)).find((c) => c.id === ownerId);
        if (!cycle) throw new DomainError('NOT_FOUND', `Dossier ${row.id} heeft die dialoogcyclus niet. / Case ${row.id} has no such dialogue cycle.`);
        if (row.stage !== 'structured_dialogue') throw new DomainError('STAGE_CONFLICT', `Dialoogverslagen horen bij de gestructureerde dialoog; het dossier is in de fase "${STAGE_WORDS[row.stage].nl}". / Dialogue reports belong to the structured dialogue; the case is in the stage "${STAGE_WORDS[row.stage].en}".`);
        if (cycle.status === 'concluded') {
          throw new DomainError('CONFLICT', `Dialoogcyclus ${cycle.cycle} is afgerond; de documenten ervan zijn definitief. / Dialogue cycle ${cycle.cycle} is concluded; its documents are final.`);
        }
        return { cycle: cycle.cycle };
      }
      case 'trajectory_milestone': {
        // Evidence is gathered while the test trajectory runs; its evaluation closes the record.
        const milestone = (await repos.trajectory.milestones(row.id)).find((m) => m.id === ownerId);
        if (!milestone) throw new DomainError('NOT_FOUND', `Dossier ${row.id} heeft die mijlpaal niet. / Case ${row.id} has no such milestone.`);
        if (row.stage !== 'test_trajectory') throw new DomainError('STAGE_CONFLICT', `Bewijsstukken van mijlpalen horen bij het testtraject; het dossier is in de fase "${STAGE_WORDS[row.stage].nl}". / Milestone evidence belongs to the test trajectory; the case is in the stage "${STAGE_WORDS[row.stage].en}".`);
        return { milestonePosition: milestone.position, milestoneAction: milestone.action };
      }
      case 'government_decision':
        // Its document comes with the record itself (GovernmentDecisionService), never alone.
        throw new DomainError('CONFLICT', 'Het besluit van de Vlaamse Regering wordt samen met de vastgelegde beslissing opgeladen. / The government decision document is recorded with the decision record.');
      default:
        throw new DomainError('VALIDATION_FAILED', `Onbekend soort eigenaar van een document: ${String(ownerType)}. / Unknown document owner: ${String(ownerType)}`);
    }
  }
}
