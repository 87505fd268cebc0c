import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, IsUUID, Length, ValidateIf } from 'class-validator';
import { CASE_COMMAND_RULES } from '@cluster/domain';

export class StandInDto {
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The case handler who stands in; null clears the stand-in' })
  @ValidateIf((_o, v) => v !== null)
  @IsUUID()
  standInId!: string | null;

  @ApiProperty({ minLength: 2, maxLength: 2000, example: 'Zwangerschapsverlof van de accountmanager' })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

export class WordsDto {
  @ApiProperty() nl!: string;
  @ApiProperty() en!: string;
}

/** Actions on one case the permissions table answers for (the case page's "may I"). */
export const CASE_PAGE_ACTIONS = [...Object.keys(CASE_COMMAND_RULES).filter((a) => !['submitAdvice', 'decideApproval', 'decideRelease'].includes(a)), 'attachRoadmapDocument', 'amendParties', 'nameStandIn', 'readAssessments', 'verifyAuditChain', 'exportEvidence', 'recordGovernmentDecision', 'attachAgreementDocument', 'attachDialogueDocument', 'attachMilestoneDocument', 'manageProjects', 'registerForCall'] as const;

export class CasePermissionDto {
  @ApiProperty({ enum: CASE_PAGE_ACTIONS }) action!: string;
  @ApiProperty({ description: 'The signed-in person may do this to this case (the permissions table)' }) allowed!: boolean;
  @ApiProperty({ description: 'The case is in a stage where this is done' }) allowedInStage!: boolean;
  @ApiPropertyOptional({ type: WordsDto, nullable: true, description: 'Why not, for the person (Dutch and English); null when both hold' }) reason!: WordsDto | null;
}

export class CasePermissionsDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: [CasePermissionDto] }) actions!: CasePermissionDto[];
}
