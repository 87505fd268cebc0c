import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { DialogueAction, DialogueOutcome, DialogueReport } from '@cluster/domain';

@Entity('dialogue_cycles')
export class DialogueCycleEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int') cycle!: number;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: 'awaiting_report' | 'reported' | 'concluded';
  @Column('jsonb', { nullable: true }) report!: DialogueReport | null;
  @Column('uuid', { name: 'reported_by', nullable: true }) reportedBy!: string | null;
  @Column('timestamptz', { name: 'reported_at', nullable: true }) reportedAt!: Date | null;
  @Column('timestamptz', { name: 'report_missing_at', nullable: true }) reportMissingAt!: Date | null;
  @Column('text', { nullable: true }) outcome!: DialogueOutcome | null;
  @Column('jsonb', { nullable: true }) actions!: DialogueAction[] | null;
  @Column('uuid', { name: 'outcome_by', nullable: true }) outcomeBy!: string | null;
  @Column('timestamptz', { name: 'outcome_at', nullable: true }) outcomeAt!: Date | null;
}

@Entity('case_closures')
export class CaseClosureEntity {
  @PrimaryColumn('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text') reason!: 'term_completed' | 'ended_early' | 'withdrawn' | 'not_selected';
  @Column('text') explanation!: string;
  @Column('text', { name: 'final_report' }) finalReport!: string;
  @Column('uuid', { name: 'closed_by' }) closedBy!: string;
  @Column('timestamptz', { name: 'closed_at' }) closedAt!: Date;
}
