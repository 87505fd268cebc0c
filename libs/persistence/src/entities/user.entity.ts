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

  /** For cluster representatives: the one case they belong to. */
  @Column('uuid', { name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column('boolean', { default: true })
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
