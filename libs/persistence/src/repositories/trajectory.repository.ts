import type { EntityManager } from 'typeorm';
import { TrajectoryEvaluationEntity, TrajectoryMilestoneEntity } from '../entities/trajectory.entities';

export class TrajectoryRepository {
  constructor(private readonly m: EntityManager) {}

  async insertMilestone(row: TrajectoryMilestoneEntity): Promise<void> {
    await this.m.insert(TrajectoryMilestoneEntity, row);
  }

  milestones(caseId: string): Promise<TrajectoryMilestoneEntity[]> {
    return this.m.find(TrajectoryMilestoneEntity, { where: { caseId }, order: { position: 'ASC' } });
  }

  async updateMilestone(id: string, changes: Partial<Pick<TrajectoryMilestoneEntity, 'status' | 'evidence' | 'evidenceBy' | 'metAt' | 'dueAt'>>): Promise<void> {
    await this.m.update(TrajectoryMilestoneEntity, { id }, changes);
  }

  async insertEvaluation(row: TrajectoryEvaluationEntity): Promise<void> {
    await this.m.insert(TrajectoryEvaluationEntity, row);
  }

  evaluationByKey(idempotencyKey: string): Promise<TrajectoryEvaluationEntity | null> {
    return this.m.findOneBy(TrajectoryEvaluationEntity, { idempotencyKey });
  }

  evaluations(caseId: string): Promise<TrajectoryEvaluationEntity[]> {
    return this.m.find(TrajectoryEvaluationEntity, { where: { caseId }, order: { evaluatedAt: 'ASC' } });
  }
}
