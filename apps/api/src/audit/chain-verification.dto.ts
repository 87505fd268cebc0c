import { ApiProperty } from '@nestjs/swagger';

export class ChainBreakDto {
  @ApiProperty({ description: 'Place in the chain of the first event that does not fit' }) seq!: number;
  @ApiProperty({ nullable: true, type: String }) eventId!: string | null;
  @ApiProperty({ enum: ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'tail_missing', 'head_mismatch', 'not_anchored'] }) problem!: string;
  @ApiProperty({ description: 'What the problem means, in Dutch and English' }) explanation!: string;
}

export class KeptHeadDto {
  @ApiProperty({ enum: ['kept', 'none', 'unavailable'], description: 'kept: the case workflow holds a head; none: not yet; unavailable: the workflow could not be asked' })
  state!: string;
  @ApiProperty({ nullable: true, type: Number }) seq!: number | null;
  @ApiProperty({ nullable: true, type: String }) hash!: string | null;
  @ApiProperty({ nullable: true, type: String }) why!: string | null;
}

export class ChainVerificationDto {
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: 'The chain is intact and reaches the head kept outside the database' }) ok!: boolean;
  @ApiProperty() checked!: number;
  @ApiProperty({ description: 'Place of the newest event in the table' }) headSeq!: number;
  @ApiProperty() headHash!: string;
  @ApiProperty({ type: ChainBreakDto, nullable: true }) firstBreak!: ChainBreakDto | null;
  @ApiProperty({ type: KeptHeadDto, description: 'The head kept by the case workflow (outside the database)' }) keptHead!: KeptHeadDto;
  @ApiProperty({ description: 'Events newer than the kept head (their anchoring is on its way, or failed)' }) unanchored!: number;
  @ApiProperty({ format: 'date-time' }) verifiedAt!: string;
  @ApiProperty() durationMs!: number;
}
