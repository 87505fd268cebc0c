import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { brusselsDate, correctionReasonProblems, DomainError, governmentDecisionProblems, type Actor, type FieldError } from '@cluster/domain';
import { Database, type CaseEntity, type DecisionEntity, type DocumentEntity, type GovernmentDecisionEntity, type Repositories } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';
import { DocumentsService, type UploadedDocument } from './documents.service';

export interface GovernmentDecisionCommand {
  number: string;
  decidedOn: string;
  /** The record this one corrects; absent for the first record of the decision. */
  supersedesId?: string;
  /** Why it is corrected (required with supersedesId). */
  reason?: string;
}

export interface RecordedGovernmentDecision {
  record: GovernmentDecisionEntity;
  document: DocumentEntity;
}

/**
 * The Flemish Government's actual decision on the case's approved proposal: its number, its date
 * and the signed decision document, kept with the document's SHA-256. One record per approved
 * proposal; a correction is a new record that names the one it corrects and says why (nothing is
 * overwritten). The document's row, the record and its audit event commit in one transaction;
 * the bytes are in the store before it (content-addressed), so no row points at missing bytes.
 */
@Injectable()
export class GovernmentDecisionService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
    private readonly documents: DocumentsService,
  ) {}

  async record(caseId: string, command: GovernmentDecisionCommand, file: UploadedDocument | undefined, actor: Actor, requestId: string | null): Promise<RecordedGovernmentDecision> {
    const input = { ...command, number: normalisedNumber(command.number) };
    const correcting = Boolean(input.supersedesId);
    const shape: FieldError[] = [...(correcting ? correctionReasonProblems(input.reason) : [])];
    // The first record needs the signed document; a correction of the number or date may keep it.
    if (!file && !correcting) shape.push({ field: 'file', messages: ['Voeg het ondertekende besluit toe (PDF). / Attach the signed decision document (PDF).'] });
    const accepted = file ? this.documents.accept(file) : null;
    if (accepted && accepted.mediaType !== 'application/pdf') {
      shape.push({ field: 'file', messages: ['Het ondertekende besluit is een PDF. / The signed decision document is a PDF.'] });
    }

    // Everything that can be refused is refused before the bytes are written.
    await this.db.read((repos) => this.check(repos, caseId, input, shape, false));
    if (accepted) await this.documents.keep(accepted);

    return this.db.transaction(async (repos) => {
      const { decision, previous } = await this.check(repos, caseId, input, shape, true);
      const now = new Date();
      const id = randomUUID();
      const document = accepted ? await this.documents.recordIn(repos, { caseId, ownerType: 'government_decision', ownerId: id, accepted, uploadedBy: actor.userId, at: now }) : await this.documentOf(repos, previous!);
      const record: GovernmentDecisionEntity = {
        id,
        caseId,
        decisionId: decision.id,
        number: input.number,
        decidedOn: input.decidedOn,
        documentId: document.id,
        supersedesId: previous?.id ?? null,
        correctionReason: previous ? input.reason!.trim() : null,
        recordedBy: actor.userId,
        recordedAt: now,
      };
      await repos.governmentDecisions.insert(record);
      await this.audit.append(repos, {
        actor,
        action: previous ? 'government_decision.corrected' : 'government_decision.recorded',
        caseId,
        reason: record.correctionReason,
        payload: {
          recordId: id,
          decisionId: decision.id,
          decisionVersion: decision.version,
          outcome: decision.outcome,
          number: record.number,
          decidedOn: record.decidedOn,
          documentId: document.id,
          fileName: document.fileName,
          sha256: document.sha256,
          newDocument: Boolean(accepted),
          supersedes: previous ? { recordId: previous.id, number: previous.number, decidedOn: previous.decidedOn, documentId: previous.documentId } : null,
        },
        documentHashes: [document.sha256],
        requestId,
        occurredAt: now,
      });
      return { record, document };
    });
  }

  /** Every record of the case with its document, oldest first. */
  list(caseId: string): Promise<RecordedGovernmentDecision[]> {
    return this.db.read(async (repos) => {
      const records = await repos.governmentDecisions.forCase(caseId);
      return Promise.all(records.map(async (record) => ({ record, document: await this.documentOf(repos, record) })));
    });
  }

  /**
   * The approved proposal the record is about and, for a correction, the record it corrects;
   * 400 naming the field for bad input, 409 when the case's state does not allow it.
   */
  private async check(
    repos: Repositories,
    caseId: string,
    input: GovernmentDecisionCommand,
    shape: FieldError[],
    lock: boolean,
  ): Promise<{ decision: DecisionEntity; previous: GovernmentDecisionEntity | null }> {
    const row = lock ? await repos.cases.findByIdForUpdate(caseId) : await repos.cases.findById(caseId);
    if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet. / Case ${caseId} does not exist.`);
    const decision = (await repos.decisions.forCase(caseId)).find((d) => d.status === 'approved');
    if (!decision) {
      throw new DomainError('STAGE_CONFLICT', 'Er is nog geen goedgekeurd voorstel van beslissing; eerst keurt een tweede persoon het voorstel goed. / No proposed decision has been approved yet; a second person approves the proposal first.');
    }
    assertOpenFor(row, decision);
    const problems = [...shape, ...governmentDecisionProblems(input, { proposedOn: brusselsDate(decision.proposedAt), today: brusselsDate(new Date()) })];
    const records = await repos.governmentDecisions.forCase(caseId);
    let previous: GovernmentDecisionEntity | null = null;
    if (input.supersedesId) {
      previous = records.find((r) => r.id === input.supersedesId && r.decisionId === decision.id) ?? null;
      if (!previous) problems.push({ field: 'supersedesId', messages: ['Dit dossier heeft geen vastgelegde beslissing met dit id. / This case has no recorded decision with this id.'] });
    }
    if (problems.length) throw new DomainError('VALIDATION_FAILED', 'De beslissing van de Vlaamse Regering is niet volledig. / The Flemish Government decision is not complete.', problems);
    if (!previous && records.some((r) => r.decisionId === decision.id)) {
      throw new DomainError('CONFLICT', 'De beslissing van de Vlaamse Regering is al vastgelegd; een fout verbetert u met een correctie (supersedesId en een reden). / The Flemish Government decision is already recorded; correct a mistake with a correction (supersedesId and a reason).');
    }
    if (previous && records.some((r) => r.supersedesId === previous!.id)) {
      throw new DomainError('CONFLICT', 'Deze vastlegging werd al verbeterd; verbeter de laatste versie. / This record was already corrected; correct the latest one.');
    }
    return { decision, previous };
  }

  private async documentOf(repos: Repositories, record: GovernmentDecisionEntity): Promise<DocumentEntity> {
    const document = await repos.documents.findById(record.documentId);
    if (!document) throw new DomainError('INTERNAL_ERROR', `Het document van vastgelegde beslissing ${record.id} ontbreekt; meld dit aan een beheerder. / The document of government decision record ${record.id} is missing.`);
    return document;
  }
}

/** Spaces as the government writes them, letters in capitals: "vr 2027  1503 doc.0123" is the same number. */
function normalisedNumber(number: string): string {
  return number.trim().replace(/\s+/g, ' ').toUpperCase();
}

/**
 * Recorded while the case runs; a rejection closes the case, and its decision is still recorded
 * afterwards (it is the legal fact the closure rests on). Any other closed case keeps its record.
 */
function assertOpenFor(row: CaseEntity, decision: DecisionEntity): void {
  if (row.stage === 'closed' && decision.outcome !== 'reject') {
    throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten. / The case is closed.');
  }
}
