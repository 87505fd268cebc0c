import { ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { ROLES, type Role } from '@cluster/domain';
import { MAX_BOUND_CASES } from './create-user.dto';
import { UserChangeReasonDto } from './reason.dto';

/**
 * A change of roles and bindings; what is left out stays. The result must fit together: a council
 * member has a council, a cluster representative at least one case, and nobody else either.
 */
export class UpdateUserDto extends UserChangeReasonDto {
  @ApiPropertyOptional({ enum: ROLES, isArray: true, description: 'The complete new set of roles' })
  @IsOptional()
  @ArrayMinSize(1)
  @ArrayMaxSize(ROLES.length)
  @ArrayUnique()
  @IsIn(ROLES, { each: true })
  roles?: Role[];

  @ApiPropertyOptional({ type: String, nullable: true, description: 'The council of a council member; null unbinds', example: 'VRWI' })
  @IsOptional()
  @IsString()
  @Length(1, 20)
  councilCode?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: 'The complete new set of cases a cluster representative represents; [] unbinds all' })
  @IsOptional()
  @ArrayMaxSize(MAX_BOUND_CASES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  caseIds?: string[];
}
