import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyDocument } from '@cluster/domain';

/** One immutable version of the reference data (criteria, councils, terms, instruments). */
@Entity('policy_versions')
export class PolicyVersionEntity {
  @PrimaryColumn('int')
  version!: number;

  @Column('jsonb')
  content!: PolicyDocument;

  @Column('text')
  sha256!: string;

  @Column('text', { name: 'created_by' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
