import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { ROLES, type Role } from '@cluster/domain';
import { queryBoolean } from '../cases/list-cases.query';
import { PagingQueryDto } from '../platform/paging.dto';

export class UserAccountsQueryDto extends PagingQueryDto {
  @ApiPropertyOptional({ enum: ROLES, description: 'Only users holding this role' })
  @IsOptional()
  @IsIn(ROLES)
  role?: Role;

  @ApiPropertyOptional({ type: Boolean, description: 'true: only active users; false: only deactivated ones' })
  @IsOptional()
  @Transform(queryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Part of the name, e-mail address or subject' })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @IsString()
  @Length(1, 200)
  search?: string;
}
