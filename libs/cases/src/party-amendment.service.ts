import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DomainError, refusalText, RULES, type Actor } from '@cluster/domain';
import { Database, type CasePartyAmendmentEntity } from '@cluster/persistence';
import { AuditService } from '@cluster/audit';

export interface PartyAmendment {
  id: string;
  caseId: string;
  seq: number;
  before: { leadActors: string[]; partners: string[] };
  after: { leadActors: string[]; partners: string[] };
  reason: string;
  amendedBy: string;
  amendedAt: string;
}

export interface PartyChange {
  leadActors: string[];
  partners: string[];
  reason: string;
}

const same = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/**
 * Amends who a case is about (its lead actors and partners) over the years: an alliance grows, a
 * partner leaves. The case row changes, an amendment record keeps before and after, and the case's
 * audit trail gets the event, in one transaction. The case workflow holds none of this, so it is
 * not involved; the case row's lock orders the amendment with the process's own commands.
 */
@Injectable()
export class PartyAmendmentService {
  constructor(
    private readonly db: Database,
    private readonly audit: AuditService,
  ) {}

  /** `requestId` makes it idempotent: the same request sent again answers with the amendment it made. */
  async amend(caseId: string, change: PartyChange, actor: Actor, requestId: string): Promise<PartyAmendment> {
    const idempotencyKey = `party-amendment:${caseId}:${requestId}`;
    return this.db.transaction(async (repos) => {
      const row = await repos.cases.findByIdForUpdate(caseId);
      if (!row) throw new DomainError('NOT_FOUND', `Dossier ${caseId} bestaat niet; kies het dossier in de lijst van dossiers. / Case ${caseId} does not exist.`);
      const earlier = await repos.partyAmendments.findByIdempotencyKey(idempotencyKey);
      if (earlier) return amendmentOf(earlier);
      // Checked again here, under the case's lock: a handover may have moved the case meanwhile.
      if (row.accountManagerId !== actor.userId) {
        throw new DomainError('FORBIDDEN', refusalText(RULES.amendParties.refusal));
      }
      if (row.stage === 'closed') {
        throw new DomainError('STAGE_CONFLICT', 'Het dossier is afgesloten; de trekkers en partners blijven zoals ze waren. / The case is closed; its lead actors and partners stay as they were.');
      }
      if (same(row.leadActors, change.leadActors) && same(row.partners, change.partners)) {
        const messages = ['Dezelfde trekkers en partners als nu; wijzig er minstens één. / The same lead actors and partners as now; change at least one.'];
        throw new DomainError('VALIDATION_FAILED', 'Er is niets gewijzigd. / Nothing was changed.', [
          { field: 'leadActors', messages },
          { field: 'partners', messages },
        ]);
      }
      const now = new Date();
      const amendment: CasePartyAmendmentEntity = {
        id: randomUUID(),
        caseId,
        seq: (await repos.partyAmendments.count(caseId)) + 1,
        leadActorsBefore: row.leadActors,
        partnersBefore: row.partners,
        leadActors: change.leadActors,
        partners: change.partners,
        reason: change.reason,
        amendedBy: actor.userId,
        amendedAt: now,
        idempotencyKey,
      };
      await repos.partyAmendments.insert(amendment);
      await repos.cases.update(caseId, { leadActors: change.leadActors, partners: change.partners, updatedAt: now });
      await this.audit.append(repos, {
        actor,
        action: 'case.parties_amended',
        caseId,
        reason: change.reason,
        payload: {
          amendmentId: amendment.id,
          seq: amendment.seq,
          from: { leadActors: row.leadActors, partners: row.partners },
          to: { leadActors: change.leadActors, partners: change.partners },
          stage: row.stage,
        },
        requestId,
        workflowId: row.workflowId,
        idempotencyKey,
        occurredAt: now,
      });
      return amendmentOf(amendment);
    });
  }

  async list(caseId: string): Promise<PartyAmendment[]> {
    return (await this.db.read((repos) => repos.partyAmendments.listForCase(caseId))).map(amendmentOf);
  }
}

function amendmentOf(a: CasePartyAmendmentEntity): PartyAmendment {
  return {
    id: a.id,
    caseId: a.caseId,
    seq: a.seq,
    before: { leadActors: a.leadActorsBefore, partners: a.partnersBefore },
    after: { leadActors: a.leadActors, partners: a.partners },
    reason: a.reason,
    amendedBy: a.amendedBy,
    amendedAt: a.amendedAt.toISOString(),
  };
}
