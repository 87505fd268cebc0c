import type { EntityManager } from 'typeorm';
import { CasePartyAmendmentEntity } from '../entities';

/** The record of amendments to a case's lead actors and partners. */
export class CasePartyAmendmentRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: CasePartyAmendmentEntity): Promise<void> {
    await this.m.insert(CasePartyAmendmentEntity, row);
  }

  findByIdempotencyKey(idempotencyKey: string): Promise<CasePartyAmendmentEntity | null> {
    return this.m.findOneBy(CasePartyAmendmentEntity, { idempotencyKey });
  }

  /** Oldest first. */
  listForCase(caseId: string): Promise<CasePartyAmendmentEntity[]> {
    return this.m.find(CasePartyAmendmentEntity, { where: { caseId }, order: { seq: 'ASC' } });
  }

  async count(caseId: string): Promise<number> {
    return this.m.countBy(CasePartyAmendmentEntity, { caseId });
  }
}
