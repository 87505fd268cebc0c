import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * The Flemish Government's actual decision on a case's approved proposal: its number, its date
 * and the signed decision document (a row of `documents`, owner type `government_decision`).
 * Append-only: a correction is a new row that supersedes the previous one, with a reason.
 */
@Entity('government_decisions')
export class GovernmentDecisionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  /** The approved proposal (decisions row) this is the government's decision on. */
  @Column('uuid', { name: 'decision_id' }) decisionId!: string;
  @Column('text') number!: string;
  /** A calendar day: TypeORM hands a `date` column over as 'YYYY-MM-DD' text. */
  @Column('date', { name: 'decided_on' }) decidedOn!: string;
  @Column('uuid', { name: 'document_id' }) documentId!: string;
  @Column('uuid', { name: 'supersedes_id', nullable: true }) supersedesId!: string | null;
  @Column('text', { name: 'correction_reason', nullable: true }) correctionReason!: string | null;
  @Column('uuid', { name: 'recorded_by' }) recordedBy!: string;
  @Column('timestamptz', { name: 'recorded_at' }) recordedAt!: Date;
}
