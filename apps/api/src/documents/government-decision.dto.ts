import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';
import type { RecordedGovernmentDecision } from '@cluster/documents';
import { ACCEPTED_MEDIA_TYPES } from '@cluster/documents';
import { DocumentDto, toDocumentDto } from './documents.dto';

/**
 * The text fields of the government decision form (besides `file`). The shapes are checked here;
 * the government's number format and the date's bounds by the domain (government-decision.ts),
 * whose messages name the field in Dutch and English.
 */
export class GovernmentDecisionFormDto {
  @ApiProperty({ maxLength: 64, example: 'VR 2027 1503 DOC.0123', description: "The Flemish Government's decision number: VR, year, the meeting's day and month, DOC or MED and the serial" })
  @IsString()
  @Length(1, 64)
  number!: string;

  @ApiProperty({ format: 'date', example: '2027-03-15', description: 'The day the government decided (not in the future, not before the proposal)' })
  @IsString()
  @Length(1, 10)
  decidedOn!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The record this one corrects (the latest of the decision)' })
  @IsOptional()
  @IsUUID()
  supersedesId?: string;

  @ApiPropertyOptional({ minLength: 10, maxLength: 2000, description: 'Why the record is corrected (required with supersedesId)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** OpenAPI schema of the multipart body. */
export const GOVERNMENT_DECISION_BODY_SCHEMA = {
  type: 'object',
  required: ['number', 'decidedOn'],
  additionalProperties: false,
  properties: {
    file: { type: 'string', format: 'binary', description: `The signed decision document (PDF); required unless a correction keeps the previous one. Accepted: ${ACCEPTED_MEDIA_TYPES.join(', ')}` },
    number: { type: 'string', minLength: 1, maxLength: 64, example: 'VR 2027 1503 DOC.0123' },
    decidedOn: { type: 'string', format: 'date', example: '2027-03-15' },
    supersedesId: { type: 'string', format: 'uuid', description: 'The record this one corrects' },
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why it is corrected (with supersedesId)' },
  },
};

export class GovernmentDecisionDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ format: 'uuid', description: 'The approved proposal (see GET /api/cases/{id}/decisions)' }) decisionId!: string;
  @ApiProperty({ example: 'VR 2027 1503 DOC.0123' }) number!: string;
  @ApiProperty({ format: 'date', example: '2027-03-15' }) decidedOn!: string;
  @ApiProperty({ type: DocumentDto, description: 'The signed decision document, with its SHA-256' }) document!: DocumentDto;
  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: 'The record this one corrects' }) supersedesId!: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it was corrected' }) correctionReason!: string | null;
  @ApiProperty({ description: 'No later record corrects this one' }) current!: boolean;
  @ApiProperty({ format: 'uuid' }) recordedBy!: string;
  @ApiProperty({ format: 'date-time' }) recordedAt!: string;
}

export function toGovernmentDecisionDto({ record, document }: RecordedGovernmentDecision, all: RecordedGovernmentDecision[] = []): GovernmentDecisionDto {
  return {
    id: record.id,
    caseId: record.caseId,
    decisionId: record.decisionId,
    number: record.number,
    decidedOn: record.decidedOn,
    document: toDocumentDto(document),
    supersedesId: record.supersedesId,
    correctionReason: record.correctionReason,
    current: !all.some((r) => r.record.supersedesId === record.id),
    recordedBy: record.recordedBy,
    recordedAt: record.recordedAt.toISOString(),
  };
}
