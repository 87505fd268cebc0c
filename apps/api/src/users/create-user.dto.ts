import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsSafeEmail } from '../platform/safe-email';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '@cluster/domain';
import { localizedMessage } from '../platform/validation';
import { UserChangeReasonDto } from './reason.dto';

/** How many cases one representative may be bound to (a cluster organisation with a few cases over the years). */
export const MAX_BOUND_CASES = 50;

export class CreateUserDto extends UserChangeReasonDto {
  @ApiProperty({ description: 'The `sub` claim of the user’s tokens', example: 'jan.peeters' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[\w.@:|-]+$/, localizedMessage({ nl: 'Dit veld mag enkel letters, cijfers en . @ : | - _ bevatten.', en: 'This field may contain letters, digits and . @ : | - _ only.' }))
  subject!: string;

  @ApiProperty({ example: 'Jan Peeters' })
  @IsString()
  @Length(2, 200)
  displayName!: string;

  @ApiProperty({ example: 'jan.peeters@example.be', description: 'One account per address (not case-sensitive)' })
  @IsSafeEmail()
  @Length(3, 320)
  email!: string;

  @ApiProperty({ example: 'Departement EWI' })
  @IsString()
  @Length(2, 200)
  organisation!: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles!: Role[];

  @ApiPropertyOptional({ description: 'Required for, and only for, council members: their council', example: 'SERV' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  councilCode?: string;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'Required for, and only for, cluster representatives: the cases they represent' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BOUND_CASES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds?: string[];
}
