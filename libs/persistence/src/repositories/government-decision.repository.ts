import type { EntityManager } from 'typeorm';
import { GovernmentDecisionEntity } from '../entities';

export class GovernmentDecisionRepository {
  constructor(private readonly m: EntityManager) {}

  async insert(row: GovernmentDecisionEntity): Promise<void> {
    await this.m.insert(GovernmentDecisionEntity, row);
  }

  findById(id: string): Promise<GovernmentDecisionEntity | null> {
    return this.m.findOneBy(GovernmentDecisionEntity, { id });
  }

  /** Every record of the case, oldest first (a correction comes after what it corrects). */
  forCase(caseId: string): Promise<GovernmentDecisionEntity[]> {
    return this.m.find(GovernmentDecisionEntity, { where: { caseId }, order: { recordedAt: 'ASC', id: 'ASC' } });
  }

  /** The record that corrects this one, if any. */
  supersededBy(id: string): Promise<GovernmentDecisionEntity | null> {
    return this.m.findOneBy(GovernmentDecisionEntity, { supersedesId: id });
  }
}
