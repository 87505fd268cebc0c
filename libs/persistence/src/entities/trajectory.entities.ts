import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { TrajectoryOutcome } from '@cluster/domain';
import { CENTS } from './budget.entities';

@Entity('trajectory_milestones')
export class TrajectoryMilestoneEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int') position!: number;
  @Column('text') action!: string;
  @Column('text', { name: 'instrument_code' }) instrumentCode!: string;
  @Column('bigint', { name: 'amount_foreseen_cents', transformer: CENTS }) amountForeseenCents!: number;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: 'planned' | 'met';
  @Column('text', { nullable: true }) evidence!: string | null;
  @Column('uuid', { name: 'evidence_by', nullable: true }) evidenceBy!: string | null;
  @Column('timestamptz', { name: 'met_at', nullable: true }) metAt!: Date | null;
}

@Entity('trajectory_evaluations')
export class TrajectoryEvaluationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') outcome!: TrajectoryOutcome;
  @Column('text') evaluation!: string;
  @Column('uuid', { name: 'evaluated_by' }) evaluatedBy!: string;
  @Column('timestamptz', { name: 'evaluated_at' }) evaluatedAt!: Date;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
