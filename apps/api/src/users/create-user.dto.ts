import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsEmail, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { ROLES, type Role } from '@cluster/domain';
import { localizedMessage } from '../platform/validation';

export class CreateUserDto {
  @ApiProperty({ description: 'The `sub` claim of the user’s tokens', example: 'jan.peeters' })
  @IsString()
  @Length(1, 200)
  @Matches(/^[\w.@:|-]+$/, localizedMessage({ nl: 'Dit veld mag enkel letters, cijfers en . @ : | - _ bevatten.', en: 'This field may contain letters, digits and . @ : | - _ only.' }))
  subject!: string;

  @ApiProperty({ example: 'Jan Peeters' })
  @IsString()
  @Length(2, 200)
  displayName!: string;

  @ApiProperty({ example: 'jan.peeters@example.be' })
  @IsEmail()
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

  @ApiPropertyOptional({ description: 'Required for council members', example: 'SERV' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  councilCode?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Required for cluster representatives: their case' })
  @IsOptional()
  @IsUUID()
  caseId?: string;
}
