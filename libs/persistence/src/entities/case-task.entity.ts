import { Column, Entity, PrimaryColumn } from 'typeorm';

export type CaseTaskStatus = 'open' | 'done' | 'cancelled';

/** Something that waits on a role or person for a case: feeds "pending tasks" and the inbox. */
@Entity('case_tasks')
export class CaseTaskEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  kind!: string;

  @Column('text', { name: 'assignee_role' })
  assigneeRole!: string;

  /** A user id, a council code, or null when anyone in the role may act. */
  @Column('text', { name: 'assignee_ref', nullable: true })
  assigneeRef!: string | null;

  /** What the task is about (an advice request, an approval, ...), when it is about one thing. */
  @Column('uuid', { name: 'subject_id', nullable: true })
  subjectId!: string | null;

  @Column('timestamptz', { name: 'due_at', nullable: true })
  dueAt!: Date | null;

  @Column('text')
  status!: CaseTaskStatus;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'closed_at', nullable: true })
  closedAt!: Date | null;
}
