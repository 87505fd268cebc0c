import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { CaseStage } from '@cluster/domain';

/** Read model of a case, kept current by the case workflow's activities. */
@Entity('cases')
export class CaseEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text', { name: 'workflow_id', unique: true })
  workflowId!: string;

  @Column('text', { name: 'cluster_name' })
  clusterName!: string;

  @Column('text')
  domain!: string;

  @Column('jsonb', { name: 'lead_actors' })
  leadActors!: string[];

  @Column('jsonb')
  partners!: string[];

  @Column('uuid', { name: 'account_manager_id' })
  accountManagerId!: string;

  @Column('text')
  stage!: CaseStage;

  @Column('int', { name: 'policy_version' })
  policyVersion!: number;

  @Column('int', { name: 'latest_roadmap_version', nullable: true })
  latestRoadmapVersion!: number | null;

  /** The frozen version under assessment or decision (null while only drafts exist). */
  @Column('int', { name: 'submitted_roadmap_version', nullable: true })
  submittedRoadmapVersion!: number | null;

  /** Concludes the assessment and proposes the decision in the account manager's stead (audited). */
  @Column('uuid', { name: 'stand_in_id', nullable: true })
  standInId!: string | null;

  /** The call for spearhead clusters it registered to (set once), or null outside any call. */
  @Column('uuid', { name: 'call_id', nullable: true })
  callId!: string | null;

  /** One of the pilot test trajectories. */
  @Column('boolean', { default: false })
  pilot!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'updated_at' })
  updatedAt!: Date;
}
