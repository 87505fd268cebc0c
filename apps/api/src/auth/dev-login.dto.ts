import { RULES } from '@cluster/domain';
import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class DevLoginDto {
  @ApiProperty({ example: 'handler', description: 'Subject of a seeded demo user' })
  @IsString()
  @Length(1, 100)
  subject!: string;
}

export class TokenResponseDto {
  @ApiProperty()
  accessToken!: string;

  @ApiProperty({ example: 'Bearer' })
  tokenType!: string;

  @ApiProperty({ example: 28800 })
  expiresIn!: number;
}

export class UserSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() subject!: string;
  @ApiProperty() displayName!: string;
  @ApiProperty() organisation!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ nullable: true, type: String }) councilCode!: string | null;
  @ApiProperty({ type: [String], description: 'For cluster representatives: the cases they represent' }) caseIds!: string[];
  @ApiProperty({ description: 'false once deactivated (kept, so that past actions keep their name)' }) active!: boolean;
}

/** The signed-in person, with what the permissions table lets any of their roles do (for menus and buttons). */
export class MeDto extends UserSummaryDto {
  @ApiProperty({ type: [String], enum: Object.keys(RULES), description: 'Actions some role of theirs may do (each object is checked again)' })
  mayDo!: string[];

  @ApiProperty({ type: [String], enum: Object.keys(RULES), description: 'Actions some role of theirs may do on any object, not only their own (an administrator hands over anyone\'s cases)' })
  mayDoForAll!: string[];
}
