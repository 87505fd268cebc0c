import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AdvicePosition, AdviceRequestStatus } from '@cluster/domain';

/** One council's advice request in one advice round of a case. */
@Entity('advice_requests')
export class AdviceRequestEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int') round!: number;
  @Column('text', { name: 'council_code' }) councilCode!: string;
  @Column('int', { name: 'roadmap_version' }) roadmapVersion!: number;
  @Column('timestamptz', { name: 'requested_at' }) requestedAt!: Date;
  @Column('timestamptz', { name: 'due_at' }) dueAt!: Date;
  @Column('text') status!: AdviceRequestStatus;
  @Column('text', { nullable: true }) position!: AdvicePosition | null;
  @Column('text', { name: 'advice_text', nullable: true }) adviceText!: string | null;
  @Column('uuid', { name: 'advised_by', nullable: true }) advisedBy!: string | null;
  @Column('timestamptz', { name: 'advised_at', nullable: true }) advisedAt!: Date | null;
  @Column('timestamptz', { name: 'closed_at', nullable: true }) closedAt!: Date | null;
}
