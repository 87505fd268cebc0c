import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsObject, IsOptional, IsString, Length, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { PROJECT_STATUSES, ROADMAP_TARGET_KINDS, type ProjectStatus, type RoadmapTargetKind } from '@cluster/domain';
import { PagingQueryDto } from '../platform/paging.dto';
import { IsRealDate } from '../platform/real-date';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A field that may be left out of a change, but not set to null (it always has a value). */
const unlessAbsent = ValidateIf((_o: object, value: unknown) => value !== undefined);

/** What in the roadmap a project serves: an objective or a milestone, by its place (from 0) in the current submitted version. */
export class RoadmapTargetDto {
  @ApiProperty({ enum: ROADMAP_TARGET_KINDS }) @IsIn(ROADMAP_TARGET_KINDS) kind!: RoadmapTargetKind;
  @ApiProperty({ minimum: 0, maximum: 999, example: 0, description: 'Position in the roadmap version’s list of objectives or milestones, from 0' })
  @IsInt()
  @Min(0)
  @Max(999)
  index!: number;
}

export class CreateProjectDto {
  @ApiProperty({ example: 'Pilootlijn bio-aromaten' }) @Transform(trim) @IsString() @Length(2, 300) title!: string;
  @ApiProperty({ example: 'Catalisti vzw' }) @Transform(trim) @IsString() @Length(2, 200) leadOrganisation!: string;
  @ApiProperty({ type: RoadmapTargetDto }) @IsObject() @ValidateNested() @Type(() => RoadmapTargetDto) serves!: RoadmapTargetDto;
  @ApiProperty({ example: 'IWT', description: 'An instrument of the case’s policy version' }) @IsString() @Length(1, 20) instrumentCode!: string;
  @ApiProperty({ example: 50000000, description: 'Integer cents' }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) requestedCents!: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Integer cents; only for a running, finished or stopped project, at most requestedCents' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  grantedCents?: number | null;
  @ApiPropertyOptional({ enum: PROJECT_STATUSES, default: 'idea' }) @unlessAbsent @IsIn(PROJECT_STATUSES) status?: ProjectStatus;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2027-01-01' }) @IsOptional() @IsRealDate() startDate?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true, example: '2028-12-31', description: 'Not before startDate' }) @IsOptional() @IsRealDate() endDate?: string | null;
}

/** The fields to change; what is left out stays as it is. */
export class UpdateProjectDto {
  @ApiPropertyOptional() @unlessAbsent @Transform(trim) @IsString() @Length(2, 300) title?: string;
  @ApiPropertyOptional() @unlessAbsent @Transform(trim) @IsString() @Length(2, 200) leadOrganisation?: string;
  @ApiPropertyOptional({ type: RoadmapTargetDto, description: 'Links the project to this objective or milestone of the current submitted roadmap version' })
  @unlessAbsent
  @IsObject()
  @ValidateNested()
  @Type(() => RoadmapTargetDto)
  serves?: RoadmapTargetDto;
  @ApiPropertyOptional() @unlessAbsent @IsString() @Length(1, 20) instrumentCode?: string;
  @ApiPropertyOptional({ description: 'Integer cents' }) @unlessAbsent @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) requestedCents?: number;
  @ApiPropertyOptional({ type: Number, nullable: true, description: 'Integer cents; null takes the grant away' }) @IsOptional() @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) grantedCents?: number | null;
  @ApiPropertyOptional({ enum: PROJECT_STATUSES, description: 'idea → submitted → running → finished; stopped from any but finished; submitted back to idea' })
  @unlessAbsent
  @IsIn(PROJECT_STATUSES)
  status?: ProjectStatus;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsRealDate() startDate?: string | null;
  @ApiPropertyOptional({ type: String, format: 'date', nullable: true }) @IsOptional() @IsRealDate() endDate?: string | null;
  @ApiPropertyOptional({ description: 'Why (kept in the audit trail)', example: 'Aanvraag goedgekeurd door VLAIO.' }) @unlessAbsent @Transform(trim) @IsString() @Length(2, 2000) reason?: string;
}

export class ListProjectsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: PROJECT_STATUSES }) @IsOptional() @IsIn(PROJECT_STATUSES) status?: ProjectStatus;
}

export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() leadOrganisation!: string;
  @ApiProperty({ type: RoadmapTargetDto }) serves!: RoadmapTargetDto;
  @ApiProperty({ description: 'The submitted roadmap version `serves` points into' }) roadmapVersion!: number;
  @ApiProperty() instrumentCode!: string;
  @ApiProperty({ description: 'Integer cents' }) requestedCents!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'Integer cents' }) grantedCents!: number | null;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
  @ApiProperty({ enum: PROJECT_STATUSES, isArray: true, description: 'The statuses it may go to from here (none once finished or stopped)' }) nextStatuses!: ProjectStatus[];
  @ApiProperty({ type: String, format: 'date', nullable: true }) startDate!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) endDate!: string | null;
  @ApiProperty({ format: 'uuid' }) createdBy!: string;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'uuid' }) updatedBy!: string;
  @ApiProperty({ format: 'date-time' }) updatedAt!: string;
}

export class ProjectPageDto {
  @ApiProperty({ type: [ProjectDto] }) items!: ProjectDto[];
  @ApiProperty() total!: number;
  @ApiProperty() limit!: number;
  @ApiProperty() offset!: number;
}

class CoveringProjectDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() title!: string;
  @ApiProperty({ enum: PROJECT_STATUSES }) status!: ProjectStatus;
}

class CoverageEntryDto {
  @ApiProperty({ enum: ROADMAP_TARGET_KINDS }) kind!: RoadmapTargetKind;
  @ApiProperty() index!: number;
  @ApiProperty({ description: 'The objective, or the milestone’s title' }) text!: string;
  @ApiPropertyOptional({ format: 'date', description: 'Milestones only' }) dueDate?: string;
  @ApiProperty({ type: [CoveringProjectDto] }) projects!: CoveringProjectDto[];
  @ApiProperty({ description: 'No project serves it that runs or may still run (a stopped one covers nothing)' }) uncovered!: boolean;
}

class EarlierVersionProjectDto extends CoveringProjectDto {
  @ApiProperty() roadmapVersion!: number;
  @ApiProperty({ type: RoadmapTargetDto }) serves!: RoadmapTargetDto;
}

export class ProjectCoverageDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'The current submitted roadmap version (null before one is submitted)' }) roadmapVersion!: number | null;
  @ApiProperty({ type: [CoverageEntryDto] }) objectives!: CoverageEntryDto[];
  @ApiProperty({ type: [CoverageEntryDto] }) milestones!: CoverageEntryDto[];
  @ApiProperty({ description: 'How many objectives and milestones have no project' }) uncoveredCount!: number;
  @ApiProperty({ type: [EarlierVersionProjectDto], description: 'Projects linked to an earlier roadmap version, to be linked to the current one' }) onEarlierVersion!: EarlierVersionProjectDto[];
}
