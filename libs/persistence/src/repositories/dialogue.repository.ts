import type { EntityManager } from 'typeorm';
import { CaseClosureEntity, DialogueCycleEntity } from '../entities/dialogue.entities';

export class DialogueRepository {
  constructor(private readonly m: EntityManager) {}

  async insertCycle(row: DialogueCycleEntity): Promise<void> {
    await this.m.createQueryBuilder().insert().into(DialogueCycleEntity).values(row as never).orIgnore().execute();
  }

  cycle(caseId: string, cycle: number): Promise<DialogueCycleEntity | null> {
    return this.m.findOneBy(DialogueCycleEntity, { caseId, cycle });
  }

  cycles(caseId: string): Promise<DialogueCycleEntity[]> {
    return this.m.find(DialogueCycleEntity, { where: { caseId }, order: { cycle: 'ASC' } });
  }

  async updateCycle(id: string, changes: Partial<DialogueCycleEntity>): Promise<void> {
    await this.m.update(DialogueCycleEntity, { id }, changes as never);
  }

  async insertClosure(row: CaseClosureEntity): Promise<void> {
    await this.m.insert(CaseClosureEntity, row);
  }

  closure(caseId: string): Promise<CaseClosureEntity | null> {
    return this.m.findOneBy(CaseClosureEntity, { caseId });
  }
}
