import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { ProjectStatus, RoadmapTargetKind } from '@cluster/domain';
import { CENTS } from './budget.entities';

/**
 * One project of a case's portfolio, as it stands now. Its history (who created it, each change
 * with before and after) is the case's audit trail, written in the same transaction.
 */
@Entity('case_projects')
export class CaseProjectEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'case_id' })
  caseId!: string;

  @Column('text')
  title!: string;

  @Column('text', { name: 'lead_organisation' })
  leadOrganisation!: string;

  /** The submitted roadmap version `servesKind`/`servesIndex` point into (see libs/domain/src/project.ts). */
  @Column('int', { name: 'roadmap_version' })
  roadmapVersion!: number;

  @Column('text', { name: 'serves_kind' })
  servesKind!: RoadmapTargetKind;

  @Column('int', { name: 'serves_index' })
  servesIndex!: number;

  @Column('text', { name: 'instrument_code' })
  instrumentCode!: string;

  @Column('bigint', { name: 'requested_cents', transformer: CENTS })
  requestedCents!: number;

  @Column('bigint', { name: 'granted_cents', nullable: true, transformer: CENTS })
  grantedCents!: number | null;

  @Column('text')
  status!: ProjectStatus;

  @Column('date', { name: 'start_date', nullable: true })
  startDate!: string | null;

  @Column('date', { name: 'end_date', nullable: true })
  endDate!: string | null;

  @Column('uuid', { name: 'created_by' })
  createdBy!: string;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('uuid', { name: 'updated_by' })
  updatedBy!: string;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
