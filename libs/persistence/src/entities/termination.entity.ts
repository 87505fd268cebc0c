import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage, TerminationKind } from '@cluster/domain';

export type TerminationStatus = 'pending' | 'approved' | 'sent_back' | 'superseded';

/**
 * A proposal to end a case early (rejection, stopped trajectory, early end, withdrawal). It takes
 * effect only when an approver other than the proposer approves it (its approval's subject).
 */
@Entity('case_terminations')
export class CaseTerminationEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') kind!: TerminationKind;
  @Column('text') reason!: string;
  /** What the effect needs besides the reason (the final report of an early end). */
  @Column('jsonb') details!: { finalReport?: string };
  /** The stage the case was in when proposed. */
  @Column('text') stage!: CaseStage;
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('text') status!: TerminationStatus;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
