import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsOptional, IsString, IsUUID, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimAll = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? v.trim() : v)) : value;

export class CreateCaseDto {
  @ApiProperty({ example: 'Duurzame chemie', minLength: 2, maxLength: 200 })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  clusterName!: string;

  @ApiProperty({ example: 'Circulaire en bio-gebaseerde chemie', description: 'Domain of value creation' })
  @Transform(trim)
  @IsString()
  @Length(2, 200)
  domain!: string;

  @ApiProperty({ type: [String], example: ['Catalisti vzw', 'BASF Antwerpen'], description: 'Lead actors (trekkers)' })
  @Transform(trimAll)
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  leadActors!: string[];

  @ApiProperty({ type: [String], example: ['UGent', 'VITO'] })
  @Transform(trimAll)
  @IsArray()
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @Length(2, 200, { each: true })
  partners!: string[];

  @ApiProperty({ format: 'uuid', description: 'The case handler who guides this cluster' })
  @IsUUID()
  accountManagerId!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}
