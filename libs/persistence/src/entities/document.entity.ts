import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What a document is attached to. Wire values: stored in the database and audit events. */
export const DOCUMENT_OWNER_TYPES = ['roadmap_version', 'advice_request', 'agreement_version', 'dialogue_cycle', 'trajectory_milestone', 'government_decision'] as const;
/** Kept in step with the CHECK documents_owner_type_check (migration 1765612800000). */
export type DocumentOwnerType = (typeof DOCUMENT_OWNER_TYPES)[number];

/**
 * A document attached to what the process produces it for (a roadmap version, an advice request,
 * an agreement version, a dialogue cycle, a trajectory milestone, the government's decision); the bytes are in the document
 * store under `storageKey`. Rows are never updated or deleted (a trigger refuses it).
 */
@Entity('documents')
export class DocumentEntity {
  @PrimaryColumn('uuid') id!: string;
  @Column('uuid', { name: 'case_id' }) caseId!: string;
  @Column('text', { name: 'owner_type' }) ownerType!: DocumentOwnerType;
  @Column('uuid', { name: 'owner_id' }) ownerId!: string;
  @Column('text', { name: 'file_name' }) fileName!: string;
  @Column('text', { name: 'media_type' }) mediaType!: string;
  /** bigint: the driver returns it as a string, so it is converted to a number (files stay far below 2^53). */
  @Column('bigint', { name: 'size_bytes', transformer: { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  sizeBytes!: number;
  @Column('text') sha256!: string;
  @Column('text', { name: 'storage_key' }) storageKey!: string;
  @Column('uuid', { name: 'uploaded_by' }) uploadedBy!: string;
  @Column('timestamptz', { name: 'uploaded_at' }) uploadedAt!: Date;
}
