import type { EntityManager } from 'typeorm';
import { BudgetLineEntity, BudgetMovementEntity, BudgetReleaseEntity } from '../entities/budget.entities';
import { CASE_BUDGET_FIGURES_SQL, figuresOf, type BudgetFigureColumns, type BudgetFigures } from './case-budget-figures.sql';

export class BudgetRepository {
  constructor(private readonly m: EntityManager) {}

  lines(caseId: string): Promise<BudgetLineEntity[]> {
    return this.m.find(BudgetLineEntity, { where: { caseId }, order: { instrumentCode: 'ASC' } });
  }

  /** The case's budget page per instrument (the one definition the portfolio sums too). */
  async figures(caseId: string): Promise<(BudgetFigures & { instrumentCode: string })[]> {
    const rows: (BudgetFigureColumns & { instrument_code: string })[] = await this.m.query(
      `SELECT f.* FROM (${CASE_BUDGET_FIGURES_SQL}) f WHERE f.case_id = $1 ORDER BY f.instrument_code`,
      [caseId],
    );
    return rows.map((r) => ({ instrumentCode: r.instrument_code, ...figuresOf(r) }));
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
