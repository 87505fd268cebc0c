import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CouncilConsideration, DecisionOutcome, GateOverride } from '@cluster/domain';

/** superseded: closed without a decision because the case was withdrawn (the comment says why). */
export type ApprovalStatus = 'pending' | 'approved' | 'sent_back' | 'superseded';
/** Every approval subject of issue 13 (the same list as the approvals_subject_type_check). */
export type ApprovalSubject =
  | 'decision'
  | 'budget_release'
  | 'policy_version'
  | 'assessment_rejection'
  | 'trajectory_stop'
  | 'agreement_early_end'
  | 'case_withdrawal'
  | 'call_selection';

/** A request for a second person's approval (four eyes), for any subject. */
@Entity('approvals')
export class ApprovalEntity {
  @PrimaryColumn('uuid') id!: string;
  /** Null only for a policy version, which belongs to no case (CHECK approvals_case_unless_policy). */
  @Column('uuid', { name: 'case_id', nullable: true }) caseId!: string | null;
  @Column('text', { name: 'subject_type' }) subjectType!: ApprovalSubject;
  @Column('uuid', { name: 'subject_id' }) subjectId!: string;
  @Column('text') summary!: string;
  @Column('uuid', { name: 'requested_by' }) requestedBy!: string;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('text') status!: ApprovalStatus;
  @Column('uuid', { name: 'decided_by', nullable: true }) decidedBy!: string | null;
  @Column('timestamptz', { name: 'decided_at', nullable: true }) decidedAt!: Date | null;
  @Column('text', { nullable: true }) comment!: string | null;
}

/** A proposed government decision; a new proposal after a send-back is a new version. */
@Entity('decisions')
export class DecisionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int') version!: number;
  @Column('text') outcome!: DecisionOutcome;
  @Column('text') rationale!: string;
  @Column('text', { nullable: true }) conditions!: string | null;
  @Column('jsonb') considerations!: CouncilConsideration[];
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('text') status!: 'proposed' | 'approved' | 'sent_back' | 'superseded';
  /** Proceeding although a gate question was answered "no": why, and which answers it overrides. */
  @Column('jsonb', { name: 'gate_override', nullable: true }) gateOverride!: GateOverride | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
