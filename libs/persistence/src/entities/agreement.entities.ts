import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { AgreementContent } from '@cluster/domain';

@Entity('agreement_versions')
export class AgreementVersionEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('int') version!: number;
  @Column('jsonb') content!: AgreementContent;
  @Column('text') sha256!: string;
  @Column('text') status!: 'signing' | 'signed' | 'superseded';
  @Column('timestamptz', { name: 'sign_by' }) signBy!: Date;
  @Column('uuid', { name: 'created_by' }) createdBy!: string;
  @Column('timestamptz', { name: 'created_at' }) createdAt!: Date;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}

@Entity('agreement_signatures')
export class AgreementSignatureEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'agreement_version_id' }) agreementVersionId!: string;
  @Column('text', { name: 'party_id' }) partyId!: string;
  @Column('uuid', { name: 'signer_id' }) signerId!: string;
  @Column('text') sha256!: string;
  @Column('timestamptz', { name: 'signed_at' }) signedAt!: Date;
  @Column('timestamptz', { name: 'voided_at', nullable: true }) voidedAt!: Date | null;
  @Column('text', { name: 'idempotency_key' }) idempotencyKey!: string;
}
