import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { RoadmapContent } from '@cluster/domain';

/** One saved roadmap version; rows are never updated (a trigger refuses it). */
@Entity('roadmap_versions')
export class RoadmapVersionEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('int')
  version!: number;

  @Column('text')
  kind!: 'draft' | 'submitted';

  @Column('jsonb')
  content!: RoadmapContent;

  @Column('text')
  sha256!: string;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('text', { name: 'idempotency_key', unique: true })
  idempotencyKey!: string;
}
