import { ApiProperty } from '@nestjs/swagger';
import { CASE_STAGES, PARTNERSHIP_KINDS } from '@cluster/domain';
import { EuropeanPartnershipDto, LocalizedTextDto } from '../policy/policy.dto';

export class CoverageLinkDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty({ enum: CASE_STAGES }) stage!: string;
  @ApiProperty({ description: 'The latest submitted roadmap version the link is in' }) roadmapVersion!: number;
  @ApiProperty({ example: 'aligned_objectives' }) nature!: string;
  @ApiProperty({ type: LocalizedTextDto, description: "The nature in words, from the case's own policy version" }) natureName!: LocalizedTextDto;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
}

export class PartnershipCoverageDto {
  @ApiProperty({ type: EuropeanPartnershipDto }) partnership!: EuropeanPartnershipDto;
  @ApiProperty({ enum: PARTNERSHIP_KINDS }) kind!: string;
  @ApiProperty({ type: LocalizedTextDto, description: 'The kind in words' }) kindName!: LocalizedTextDto;
  @ApiProperty({ description: 'False for a partnership linked under an older version that the newest one no longer lists' }) inLatestCatalogue!: boolean;
  @ApiProperty({ type: [CoverageLinkDto] }) links!: CoverageLinkDto[];
  @ApiProperty({ description: 'Distinct clusters (cases) linking to it' }) clusterCount!: number;
  @ApiProperty({ description: 'Two or more clusters link to it' }) overlap!: boolean;
}

export class CoverageOverlapDto {
  @ApiProperty() partnershipCode!: string;
  @ApiProperty({ type: [String] }) caseIds!: string[];
}

export class CaseWithoutLinksDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty() roadmapVersion!: number;
}

export class EuropeanCoverageDto {
  @ApiProperty({ nullable: true, type: Number, description: 'The reference-data version whose partnerships are listed' }) policyVersion!: number | null;
  @ApiProperty({ type: [PartnershipCoverageDto], description: 'Covered first (most clusters first), then the uncovered' }) partnerships!: PartnershipCoverageDto[];
  @ApiProperty({ type: [CoverageOverlapDto] }) overlaps!: CoverageOverlapDto[];
  @ApiProperty() coveredCount!: number;
  @ApiProperty() uncoveredCount!: number;
  @ApiProperty({ type: [CaseWithoutLinksDto], description: 'Open cases whose latest submitted roadmap links to no European partnership' }) casesWithoutLinks!: CaseWithoutLinksDto[];
}
