import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { ACCEPTED_MEDIA_TYPES, GENERIC_MEDIA_TYPES } from '@cluster/documents';
import { DOCUMENT_OWNER_TYPES, type DocumentEntity } from '@cluster/persistence';

/** The text fields of an upload form (besides `file`). */
export class AttachDocumentDto {
  @ApiPropertyOptional({ maxLength: 2000, description: 'Why the document is attached (recorded in the audit trail)' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  reason?: string;
}

/** OpenAPI schema of the multipart body; class-validator sees only the text fields (and refuses others). */
export const UPLOAD_BODY_SCHEMA = {
  type: 'object',
  required: ['file'],
  additionalProperties: false,
  properties: {
    file: { type: 'string', format: 'binary', description: `One document: ${ACCEPTED_MEDIA_TYPES.join(', ')}` },
    reason: { type: 'string', minLength: 1, maxLength: 2000, description: 'Why the document is attached (optional)' },
  },
};

/**
 * The part types the `file` field is taken in: the accepted formats, or a generic one (as curl and
 * some browsers send) for which the file name's extension decides; the bytes must match either way.
 */
export const UPLOAD_ENCODING = { file: { contentType: [...ACCEPTED_MEDIA_TYPES, ...GENERIC_MEDIA_TYPES].join(', ') } };

export class DocumentDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) caseId!: string;
  @ApiProperty({ enum: DOCUMENT_OWNER_TYPES, description: 'What the document belongs to (its kind)' }) ownerType!: string;
  @ApiProperty({ format: 'uuid', description: 'The row it belongs to: roadmap version, advice request, agreement version, dialogue cycle, trajectory milestone or government decision record' }) ownerId!: string;
  @ApiProperty({ example: 'Roadmap 2035 – bijlage.pdf' }) fileName!: string;
  @ApiProperty({ enum: ACCEPTED_MEDIA_TYPES }) mediaType!: string;
  @ApiProperty({ example: 48213 }) sizeBytes!: number;
  @ApiProperty({ description: 'SHA-256 of the bytes, hex', example: 'e3b0c442…' }) sha256!: string;
  @ApiProperty({ format: 'uuid' }) uploadedBy!: string;
  @ApiProperty({ format: 'date-time' }) uploadedAt!: string;
  @ApiProperty({ example: '/api/documents/0b6f…' }) downloadUrl!: string;
}

export function toDocumentDto(d: DocumentEntity): DocumentDto {
  return {
    id: d.id,
    caseId: d.caseId,
    ownerType: d.ownerType,
    ownerId: d.ownerId,
    fileName: d.fileName,
    mediaType: d.mediaType,
    sizeBytes: d.sizeBytes,
    sha256: d.sha256,
    uploadedBy: d.uploadedBy,
    uploadedAt: d.uploadedAt.toISOString(),
    downloadUrl: `/api/documents/${d.id}`,
  };
}

/** What multer hands over for the `file` field (memory storage). */
export interface ReceivedFile {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  buffer: Buffer;
}
