import { ApiProperty } from '@nestjs/swagger';
import { ROLES } from '@cluster/domain';

/** A user as the administration sees them: who, what they may do, for whom, and whether they still may. */
export class UserAccountDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() email!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles!: string[];
  @ApiProperty({ nullable: true, type: String }) councilCode!: string | null;
  @ApiProperty({ type: [String], format: 'uuid' }) caseIds!: string[];
  @ApiProperty() active!: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) deactivatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) deactivationReason!: string | null;
  @ApiProperty({ description: 'Open tasks assigned to this person, on cases not closed' }) openTasks!: number;
  @ApiProperty({ description: 'Cases not closed of which this person is the account manager' }) managedCases!: number;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt!: string;
}

export class UserAccountPageDto {
  @ApiProperty({ type: [UserAccountDto] }) items!: UserAccountDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class OpenTaskDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ nullable: true, type: String }) clusterName!: string | null;
  @ApiProperty({ example: 'trajectory_plan' }) kind!: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ description: 'Moves with a handover; false for assessments, which stay personal (assign a new assessor instead)' })
  transferable!: boolean;
}

export class ManagedCaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty() stage!: string;
}

/** What still waits on a person: to be handed over (POST /api/handovers) when they leave. */
export class OpenWorkDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty({ type: [OpenTaskDto] }) tasks!: OpenTaskDto[];
  @ApiProperty({ type: [ManagedCaseDto] }) managedCases!: ManagedCaseDto[];
}
