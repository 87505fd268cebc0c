import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) => (Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value);

/** The case's lead actors and partners as they are to be from now on, and why (the lists as when the case was opened). */
export class AmendPartiesDto {
  @ApiProperty({ type: [String], example: ['Catalisti vzw', 'BASF Antwerpen'], description: 'Lead actors (trekkers), the whole list' })
  @Transform(trimAll)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  leadActors!: string[];

  @ApiProperty({ type: [String], example: ['UGent', 'VITO', 'imec'], description: 'Partners, the whole list (may be empty)' })
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(200)
  @ArrayUnique()
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  partners!: string[];

  @ApiProperty({ minLength: 2, maxLength: 2000, example: 'imec sluit aan als kennispartner (brief van 3 maart).' })
  @Transform(trim)
  @IsString()
  @Length(2, 2000)
  reason!: string;
}

class PartyListsDto {
  @ApiProperty({ type: [String] }) leadActors!: string[];
  @ApiProperty({ type: [String] }) partners!: string[];
}

export class PartyAmendmentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ description: '1 for the case’s first amendment, then 2, …' }) seq!: number;
  @ApiProperty({ type: PartyListsDto }) before!: PartyListsDto;
  @ApiProperty({ type: PartyListsDto }) after!: PartyListsDto;
  @ApiProperty() reason!: string;
  @ApiProperty({ format: 'uuid' }) amendedBy!: string;
  @ApiProperty({ format: 'date-time' }) amendedAt!: string;
}
