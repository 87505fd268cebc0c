import type { EntityManager } from 'typeorm';
import { CaseTerminationEntity } from '../entities';

export class TerminationRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: CaseTerminationEntity): Promise<void> {
    await this.m.insert(CaseTerminationEntity, row as never);
  }

  findById(id: string): Promise<CaseTerminationEntity | null> {
    return this.m.findOneBy(CaseTerminationEntity, { id });
  }

  findByKey(idempotencyKey: string): Promise<CaseTerminationEntity | null> {
    return this.m.findOneBy(CaseTerminationEntity, { idempotencyKey });
  }

  pending(caseId: string): Promise<CaseTerminationEntity | null> {
    return this.m.findOneBy(CaseTerminationEntity, { caseId, status: 'pending' });
  }

  forCase(caseId: string): Promise<CaseTerminationEntity[]> {
    return this.m.find(CaseTerminationEntity, { where: { caseId }, order: { proposedAt: 'ASC' } });
  }

  async update(id: string, changes: Partial<Pick<CaseTerminationEntity, 'status' | 'decidedBy' | 'decidedAt'>>): Promise<void> {
    await this.m.update(CaseTerminationEntity, { id }, changes);
  }
}
