import { ApiProperty } from '@nestjs/swagger';
import { DocumentDto } from '../documents/documents.dto';
import { AdviceRequestDto } from './process-responses.dto';

// What a council reads about the request addressed to it: who the cluster is and the frozen
// roadmap version under advice. Nothing else of the case (no stage, budget, assessments, audit
// trail or other councils' advice): DOMAIN.md, "Rules decided (turn 2)".

export class AdviceCaseIdentityDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() clusterName!: string;
  @ApiProperty({ description: 'Domain of value creation' }) domain!: string;
  @ApiProperty({ type: [String], description: 'The lead actors (trekkers)' }) leadActors!: string[];
  @ApiProperty({ type: [String] }) partners!: string[];
}

export class AdviceRoadmapVersionDto {
  @ApiProperty({ example: 2 }) version!: number;
  @ApiProperty({ description: 'SHA-256 of the canonical JSON of the frozen content' }) sha256!: string;
  @ApiProperty({ format: 'date-time' }) submittedAt!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Vision, horizon, objectives, milestones, commitments, …' })
  content!: Record<string, unknown>;
  @ApiProperty({ type: [DocumentDto], description: 'The attachments frozen with this version, each with its SHA-256' })
  attachments!: DocumentDto[];
}

export class AdviceSubjectDto {
  @ApiProperty({ type: AdviceCaseIdentityDto }) case!: AdviceCaseIdentityDto;
  @ApiProperty({ type: AdviceRoadmapVersionDto }) roadmapVersion!: AdviceRoadmapVersionDto;
}

export class AdviceRequestDetailDto extends AdviceRequestDto {
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) advisedAt!: string | null;
  @ApiProperty({ description: 'The signed-in person may give this advice and attach documents to it (the addressed council), while its term runs' }) mayAdvise!: boolean;
  @ApiProperty({ type: AdviceSubjectDto, description: 'What the advice is on' }) subject!: AdviceSubjectDto;
}
