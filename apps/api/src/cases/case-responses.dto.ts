import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES } from '@cluster/domain';

export class PendingTaskDto {
  @ApiProperty() id!: string;
  @ApiProperty({ example: 'roadmap_drafting' }) kind!: string;
  @ApiProperty({ example: 'case_handler' }) assigneeRole!: string;
  @ApiProperty({ nullable: true, type: String }) assigneeRef!: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) dueAt!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class CaseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ example: 'case-0b6f…' }) workflowId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty() domain!: string;
  @ApiProperty({ type: [String] }) leadActors!: string[];
  @ApiProperty({ type: [String] }) partners!: string[];
  @ApiProperty({ format: 'uuid' }) accountManagerId!: string;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'Concludes the assessment and proposes the decision in the account manager\'s stead' }) standInId!: string | null;
  @ApiProperty({ enum: CASE_STAGES }) stage!: string;
  @ApiProperty() policyVersion!: number;
  @ApiProperty({ nullable: true, type: Number }) latestRoadmapVersion!: number | null;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The call for spearhead clusters it registered to (GET /api/calls/{id}); null outside any call' }) callId!: string | null;
  @ApiProperty({ description: 'One of the pilot test trajectories' }) pilot!: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
  @ApiProperty({ type: [PendingTaskDto] }) pendingTasks!: PendingTaskDto[];
}

export class CasePageDto {
  @ApiProperty({ type: [CaseDto] }) items!: CaseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

export class RoadmapDraftSavedDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ example: 1 }) version!: number;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the content' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) savedAt!: string;
}

export class RoadmapVersionDto extends RoadmapDraftSavedDto {
  @ApiProperty({ enum: ['draft', 'submitted'], description: 'submitted: the version frozen for assessment' }) kind!: string;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ type: 'object', additionalProperties: true }) content!: Record<string, unknown>;
}

