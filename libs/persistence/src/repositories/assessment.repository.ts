import type { EntityManager } from 'typeorm';
import { AssessmentConclusionEntity, AssessmentEntity, AssessorAssignmentEntity } from '../entities';

export class AssessmentRepository {
  constructor(private readonly m: EntityManager) {}

  async insertAssignment(row: AssessorAssignmentEntity): Promise<void> {
    await this.m.insert(AssessorAssignmentEntity, row);
  }

  assignments(caseId: string, roadmapVersion: number): Promise<AssessorAssignmentEntity[]> {
    return this.m.find(AssessorAssignmentEntity, { where: { caseId, roadmapVersion }, order: { createdAt: 'ASC' } });
  }

  assignmentOf(caseId: string, roadmapVersion: number, assessorId: string): Promise<AssessorAssignmentEntity | null> {
    return this.m.findOneBy(AssessorAssignmentEntity, { caseId, roadmapVersion, assessorId });
  }

  async updateAssignment(id: string, changes: Partial<Pick<AssessorAssignmentEntity, 'status' | 'conflictNote' | 'updatedAt'>>): Promise<void> {
    await this.m.update(AssessorAssignmentEntity, { id }, changes);
  }

  async insertAssessment(row: AssessmentEntity): Promise<void> {
    await this.m.insert(AssessmentEntity, row as never);
  }

  assessmentByKey(idempotencyKey: string): Promise<AssessmentEntity | null> {
    return this.m.findOneBy(AssessmentEntity, { idempotencyKey });
  }

  assessments(caseId: string, roadmapVersion: number): Promise<AssessmentEntity[]> {
    return this.m.find(AssessmentEntity, { where: { caseId, roadmapVersion }, order: { submittedAt: 'ASC' } });
  }

  /** Every assignment of the case, all roadmap versions. */
  assignmentsForCase(caseId: string): Promise<AssessorAssignmentEntity[]> {
    return this.m.find(AssessorAssignmentEntity, { where: { caseId }, order: { roadmapVersion: 'ASC', createdAt: 'ASC' } });
  }

  /** Every submitted assessment of the case, all roadmap versions. */
  assessmentsForCase(caseId: string): Promise<AssessmentEntity[]> {
    return this.m.find(AssessmentEntity, { where: { caseId }, order: { roadmapVersion: 'ASC', submittedAt: 'ASC' } });
  }

  async insertConclusion(row: AssessmentConclusionEntity): Promise<void> {
    await this.m.insert(AssessmentConclusionEntity, row);
  }

  conclusionByKey(idempotencyKey: string): Promise<AssessmentConclusionEntity | null> {
    return this.m.findOneBy(AssessmentConclusionEntity, { idempotencyKey });
  }

  conclusions(caseId: string): Promise<AssessmentConclusionEntity[]> {
    return this.m.find(AssessmentConclusionEntity, { where: { caseId }, order: { concludedAt: 'ASC' } });
  }
}
