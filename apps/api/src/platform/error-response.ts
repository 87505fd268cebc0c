import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'clusterName' })
  field!: string;

  @ApiProperty({
    example: ['Dit veld moet tussen 2 en 200 tekens lang zijn.'],
    description: 'In the language of Accept-Language (nl, the default, or en) for what the request validation refuses',
  })
  messages!: string[];
}

/** The one error body every failed request gets. Never a stack trace. */
export class ErrorResponseDto {
  @ApiProperty({ example: 400 })
  statusCode!: number;

  @ApiProperty({ example: 'VALIDATION_FAILED' })
  error!: string;

  @ApiProperty({ example: 'Het verzoek is niet geldig; zie de meldingen per veld.' })
  message!: string;

  @ApiPropertyOptional({ type: [FieldErrorDto] })
  fieldErrors?: FieldErrorDto[];

  @ApiProperty({ example: '2f1c6a0e-5f0e-4b8e-9d4e-0c9f1c8f9a10' })
  requestId!: string;
}
