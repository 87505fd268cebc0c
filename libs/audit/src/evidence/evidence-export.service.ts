import { Injectable } from '@nestjs/common';
import { DomainError } from '@cluster/domain';
import { Database, repositoriesFor, translateDatabaseError, type AuditEventEntity, type Repositories } from '@cluster/persistence';
import { caseStream } from '../audit.service';
import type { ChainHead, DocumentLine, ExportedBy } from './bundle-format';
import { evidenceBundleLines, inChunks } from './bundle-writer';
import { EvidenceSigningKey } from './signing-key';
import { timelineCsvChunks } from './timeline-csv';

/** What one export covers, fixed before the first byte is sent. */
export interface EvidenceSnapshot {
  caseId: string;
  clusterName: string;
  /** The last event the export includes; events appended during the export are left out. */
  head: ChainHead | null;
  documents: DocumentLine[];
}

/**
 * Builds a case's evidence bundle and timeline CSV from the database. The case, its chain head and
 * its documents are read in one REPEATABLE READ transaction (documents commit with their audit
 * event, so the two agree); the events up to that head are then streamed in batches outside it,
 * which is safe because they are append-only. No audit event is written: exporting must not change
 * the chain it exports.
 */
@Injectable()
export class EvidenceExportService {
  /** Events read per query: fewer round trips against one batch of entities held in memory. */
  batchSize = 1000;

  constructor(
    private readonly db: Database,
    private readonly signingKey: EvidenceSigningKey,
  ) {}

  async snapshot(caseId: string): Promise<EvidenceSnapshot> {
    try {
      return await this.db.dataSource.transaction('REPEATABLE READ', (m) => readSnapshot(repositoriesFor(m), caseId));
    } catch (error) {
      throw translateDatabaseError(error);
    }
  }

  bundle(snapshot: EvidenceSnapshot, exportedBy: ExportedBy, exportedAt = new Date()): AsyncGenerator<string> {
    return inChunks(
      evidenceBundleLines({
        caseId: snapshot.caseId,
        clusterName: snapshot.clusterName,
        exportedAt,
        exportedBy,
        events: this.events(snapshot),
        documents: () => snapshot.documents,
        signingKey: this.signingKey,
      }),
    );
  }

  timelineCsv(snapshot: EvidenceSnapshot): AsyncGenerator<string> {
    return timelineCsvChunks(this.events(snapshot));
  }

  private async *events(snapshot: EvidenceSnapshot): AsyncGenerator<AuditEventEntity> {
    const last = snapshot.head?.seq ?? 0;
    if (last === 0) return;
    for await (const event of this.db.repos.audit.iterateStream(caseStream(snapshot.caseId), this.batchSize)) {
      if (event.seq > last) return;
      yield event;
    }
  }
}

async function readSnapshot(repos: Repositories, caseId: string): Promise<EvidenceSnapshot> {
  const theCase = await repos.cases.findById(caseId);
  if (!theCase) throw new DomainError('NOT_FOUND', 'Dit dossier bestaat niet. / This case does not exist.');
  const head = await repos.audit.head(caseStream(caseId));
  const documents: DocumentLine[] = [];

  const policy = (await repos.policies.list()).find((p) => p.version === theCase.policyVersion);
  if (policy) {
    documents.push({ type: 'document', kind: 'policy_version', id: String(policy.version), sha256: policy.sha256, version: policy.version, createdAt: policy.createdAt.toISOString() });
  }
  for (const r of await repos.roadmaps.listForCase(caseId)) {
    documents.push({ type: 'document', kind: 'roadmap_version', id: r.id, sha256: r.sha256, version: r.version, status: r.kind, createdBy: r.createdBy, createdAt: r.createdAt.toISOString() });
  }
  for (const a of await repos.agreements.versions(caseId)) {
    const signatures = (await repos.agreements.signatures(a.id)).map((s) => ({
      partyId: s.partyId,
      signerId: s.signerId,
      sha256: s.sha256,
      signedAt: s.signedAt.toISOString(),
      voidedAt: s.voidedAt?.toISOString() ?? null,
    }));
    documents.push({ type: 'document', kind: 'agreement_version', id: a.id, sha256: a.sha256, version: a.version, status: a.status, createdBy: a.createdBy, createdAt: a.createdAt.toISOString(), signatures });
  }
  for (const d of await repos.documents.listForCase(caseId)) {
    documents.push({
      type: 'document', kind: 'attachment', id: d.id, sha256: d.sha256, ownerType: d.ownerType, ownerId: d.ownerId,
      fileName: d.fileName, mediaType: d.mediaType, sizeBytes: d.sizeBytes, uploadedBy: d.uploadedBy, uploadedAt: d.uploadedAt.toISOString(),
    });
  }
  // The Flemish Government's decision as recorded (and each correction), bound to its signed document's hash.
  for (const g of await repos.governmentDecisions.forCase(caseId)) {
    const document = await repos.documents.findById(g.documentId);
    documents.push({
      type: 'document', kind: 'government_decision', id: g.id, sha256: document!.sha256, documentId: g.documentId, decisionId: g.decisionId,
      number: g.number, decidedOn: g.decidedOn, supersedesId: g.supersedesId, correctionReason: g.correctionReason, recordedBy: g.recordedBy, recordedAt: g.recordedAt.toISOString(),
    });
  }
  return { caseId, clusterName: theCase.clusterName, head: head ? { seq: head.seq, hash: head.hash } : null, documents };
}
