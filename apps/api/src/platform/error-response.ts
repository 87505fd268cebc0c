import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'clusterName' })
  field!: string;

  @ApiProperty({ example: ['clusterName must be longer than or equal to 2 characters'] })
  messages!: string[];
}

/** The one error body every failed request gets. Never a stack trace. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED' })
  error!: string;

  @ApiProperty({ example: 'The request is not valid.' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  fieldErrors?: FieldErrorDto[];

  @ApiProperty({ example: '2f1c6a0e-5f0e-4b8e-9d4e-0c9f1c8f9a10' })
  requestId!: string;
}
