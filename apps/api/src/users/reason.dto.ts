import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

/** Every change to a person is recorded in the system audit stream with why it was made. */
export class UserChangeReasonDto {
  @ApiProperty({ minLength: 2, maxLength: 2000, example: 'Indiensttreding bij het departement EWI' })
  @IsString()
  @Length(2, 2000)
  reason!: string;
}
