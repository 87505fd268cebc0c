import type { EntityManager } from 'typeorm';
import { BudgetLineEntity, BudgetMovementEntity, BudgetReleaseEntity } from '../entities/budget.entities';

export class BudgetRepository {
  constructor(private readonly m: EntityManager) {}

  lines(caseId: string): Promise<BudgetLineEntity[]> {
    return this.m.find(BudgetLineEntity, { where: { caseId }, order: { instrumentCode: 'ASC' } });
  }

  line(caseId: string, instrumentCode: string): Promise<BudgetLineEntity | null> {
    return this.m.findOneBy(BudgetLineEntity, { caseId, instrumentCode });
  }

  /** Books a movement; the database trigger moves the line and its CHECK guards the earmark. */
  async book(row: BudgetMovementEntity): Promise<void> {
    await this.m.insert(BudgetMovementEntity, row);
  }

  movementByKey(idempotencyKey: string): Promise<BudgetMovementEntity | null> {
    return this.m.findOneBy(BudgetMovementEntity, { idempotencyKey });
  }

  movements(caseId: string): Promise<BudgetMovementEntity[]> {
    return this.m.find(BudgetMovementEntity, { where: { caseId }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  async insertRelease(row: BudgetReleaseEntity): Promise<void> {
    await this.m.insert(BudgetReleaseEntity, row);
  }

  releaseByKey(idempotencyKey: string): Promise<BudgetReleaseEntity | null> {
    return this.m.findOneBy(BudgetReleaseEntity, { idempotencyKey });
  }

  releaseById(id: string): Promise<BudgetReleaseEntity | null> {
    return this.m.findOneBy(BudgetReleaseEntity, { id });
  }

  releases(caseId: string): Promise<BudgetReleaseEntity[]> {
    return this.m.find(BudgetReleaseEntity, { where: { caseId }, order: { requestedAt: 'ASC' } });
  }

  async updateRelease(id: string, changes: Partial<Pick<BudgetReleaseEntity, 'status' | 'approvalId'>>): Promise<void> {
    await this.m.update(BudgetReleaseEntity, { id }, changes);
  }
}
