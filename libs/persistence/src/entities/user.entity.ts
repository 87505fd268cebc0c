import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { Role } from '@cluster/domain';

/** A person known to the system; `subject` is the `sub` claim of their tokens. */
@Entity('users')
export class UserEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { unique: true })
  subject!: string;

  @Column('text', { name: 'display_name' })
  displayName!: string;

  @Column('text')
  email!: string;

  @Column('text')
  organisation!: string;

  @Column('text', { array: true })
  roles!: Role[];

  /** For council members: the council they act for. */
  @Column('text', { name: 'council_code', nullable: true })
  councilCode!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @Column('timestamptz', { name: 'deactivated_at', nullable: true })
  deactivatedAt!: Date | null;

  @Column('text', { name: 'deactivation_reason', nullable: true })
  deactivationReason!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

/** A cluster representative's binding to one of the cases they represent (one row per case). */
@Entity('user_cases')
export class UserCaseEntity {
  @PrimaryColumn('uuid', { name: 'user_id' })
  userId!: string;

  @PrimaryColumn('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('timestamptz', { name: 'bound_at' })
  boundAt!: Date;
}
