import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ConclusionOutcome, CriterionScore, GateAnswer } from '@cluster/domain';

export type AssignmentStatus = 'assigned' | 'conflict_declared' | 'cleared' | 'submitted';

/** An assessor assigned to one submitted roadmap version. */
@Entity('assessor_assignments')
export class AssessorAssignmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int', { name: 'roadmap_version' }) roadmapVersion!: number;
  @Column('uuid', { name: 'assessor_id' }) assessorId!: string;
  @Column('uuid', { name: 'assigned_by' }) assignedBy!: string;
  @Column('text') status!: AssignmentStatus;
  @Column('text', { name: 'conflict_note', nullable: true }) conflictNote!: string | null;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('timestamptz', { name: 'updated_at' }) updatedAt!: Date;
}

/** A submitted assessment; never changed (append-only). */
@Entity('assessments')
export class AssessmentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'assignment_id' }) assignmentId!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int', { name: 'roadmap_version' }) roadmapVersion!: number;
  @Column('uuid', { name: 'assessor_id' }) assessorId!: string;
  @Column('jsonb', { name: 'gate_answers' }) gateAnswers!: GateAnswer[];
  @Column('jsonb') scores!: CriterionScore[];
  @Column('timestamptz', { name: 'submitted_at' }) submittedAt!: Date;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}

/** The case handler's conclusion on one assessed roadmap version. */
@Entity('assessment_conclusions')
export class AssessmentConclusionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int', { name: 'roadmap_version' }) roadmapVersion!: number;
  @Column('text') outcome!: ConclusionOutcome;
  @Column('text') remarks!: string;
  @Column('uuid', { name: 'concluded_by' }) concludedBy!: string;
  @Column('timestamptz', { name: 'concluded_at' }) concludedAt!: Date;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
