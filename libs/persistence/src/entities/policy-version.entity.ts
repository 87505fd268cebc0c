import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { PolicyDocument } from '@cluster/domain';

/** One immutable, published version of the reference data (criteria, councils, terms, instruments). */
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

  /** The second administrator who approved the proposal (null for the seed and for versions from before four eyes). */
  @Column('text', { name: 'approved_by', nullable: true })
  approvedBy!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}

export type PolicyProposalStatus = 'proposed' | 'published' | 'sent_back';

/** A version as an administrator proposed it; published only once a second administrator approves. */
@Entity('policy_proposals')
export class PolicyProposalEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('jsonb') content!: PolicyDocument;
  @Column('text') sha256!: string;
  @Column('text') reason!: string;
  /** The newest published version when it was proposed: approving it on top of a newer one would undo that one. */
  @Column('int', { name: 'based_on', nullable: true }) basedOn!: number | null;
  @Column('uuid', { name: 'proposed_by' }) proposedBy!: string;
  @Column('timestamptz', { name: 'proposed_at' }) proposedAt!: Date;
  @Column('text') status!: PolicyProposalStatus;
  /** The version it became once published. */
  @Column('int', { nullable: true }) version!: number | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
