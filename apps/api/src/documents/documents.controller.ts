import { Body, Controller, Get, Param, ParseIntPipe, Post, Req, Res, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConflictResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPayloadTooLargeResponse,
  ApiProduces,
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError, type Principal } from '@cluster/domain';
import { ACCEPTED_MEDIA_TYPES, attachmentDisposition, type StoredDocument } from '@cluster/documents';
import { CurrentPrincipal, Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { ErrorResponseDto } from '../platform/error-response';
import { context } from '../process/request-context';
import { CaseDocuments } from './case-documents.service';
import { AttachDocumentDto, DocumentDto, toDocumentDto, UPLOAD_BODY_SCHEMA, UPLOAD_ENCODING, type ReceivedFile } from './documents.dto';
import { UploadLimitInterceptor } from './upload-limit.interceptor';
import { uuidParam } from '../platform/id-param';

const uuid = uuidParam();
const versionNumber = new ParseIntPipe({
  exceptionFactory: () => new DomainError('VALIDATION_FAILED', 'Het versienummer is geen getal. / The version is not a number.', [{ field: 'version', messages: ['Het versienummer moet een positief geheel getal zijn. / version must be a positive integer'] }]),
});

/** Documents of roadmap versions and advice requests: upload (multipart), list, download (streamed). */
@ApiTags('documents')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller()
export class DocumentsController {
  constructor(private readonly documents: CaseDocuments) {}

  @Post('cases/:id/roadmap/versions/:version/documents')
  @Allow('attachRoadmapDocument')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: 'Attach a document to a roadmap draft (cluster representatives and the account manager)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA, encoding: UPLOAD_ENCODING })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiOkResponse({ type: DocumentDto, description: 'These exact bytes were attached to this version before: the existing document' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The version was submitted (frozen), or the case is past drafting' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than DOCUMENTS_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'Not PDF, OOXML, OpenDocument or legacy Office, or the content does not match' })
  async attachToRoadmapVersion(
    @Req() req: AuthenticatedRequest,
    @Param('id', uuid) id: string,
    @Param('version', versionNumber) version: number,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: AttachDocumentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentDto> {
    return respond(res, await this.documents.attachToRoadmapVersion(context(req), id, version, file, dto.reason));
  }

  @Post('advice-requests/:id/documents')
  @Allow('attachAdviceDocument')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: "Attach a document to an open advice request (members of the addressed council, within the term)" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA, encoding: UPLOAD_ENCODING })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiOkResponse({ type: DocumentDto, description: 'These exact bytes were attached to this request before: the existing document' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The advice was given or the term has passed' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: 'Larger than DOCUMENTS_MAX_BYTES' })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: 'Not PDF, OOXML, OpenDocument or legacy Office, or the content does not match' })
  async attachToAdviceRequest(
    @Req() req: AuthenticatedRequest,
    @Param('id', uuid) id: string,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: AttachDocumentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentDto> {
    return respond(res, await this.documents.attachToAdviceRequest(context(req), id, file, dto.reason));
  }

  @Get('cases/:id/documents')
  @Allow('readCase')
  @ApiOperation({ summary: 'Every document of a case, oldest first (whoever may read the case)' })
  @ApiOkResponse({ type: [DocumentDto] })
  async listForCase(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<DocumentDto[]> {
    return (await this.documents.listForCase(p, id)).map(toDocumentDto);
  }

  @Get('advice-requests/:id/documents')
  @Allow('readAdviceRequest')
  @ApiOperation({ summary: "The documents of an advice request (the addressed council, and whoever may read the case)" })
  @ApiOkResponse({ type: [DocumentDto] })
  async listForAdviceRequest(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<DocumentDto[]> {
    return (await this.documents.listForAdviceRequest(p, id)).map(toDocumentDto);
  }

  @Get('documents/:id')
  // A council downloads its own request's documents (and the roadmap under advice); CaseDocuments decides per document.
  @Allow('readAdviceRequest')
  @ApiOperation({ summary: 'Download a document, streamed, with its SHA-256 in X-Content-SHA256' })
  @ApiProduces(...ACCEPTED_MEDIA_TYPES)
  @ApiOkResponse({
    description: 'The bytes, as an attachment under the original file name',
    schema: { type: 'string', format: 'binary' },
    headers: {
      'X-Content-SHA256': { description: 'SHA-256 of the bytes (hex), as recorded at upload', schema: { type: 'string' } },
      'Content-Disposition': { description: 'attachment; filename="…"; filename*=UTF-8\'\'…', schema: { type: 'string' } },
    },
  })
  async download(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Res({ passthrough: true }) res: Response): Promise<StreamableFile> {
    const { document, stream } = await this.documents.openForDownload(p, id);
    res.setHeader('X-Content-SHA256', document.sha256);
    res.setHeader('Repr-Digest', `sha-256=:${Buffer.from(document.sha256, 'hex').toString('base64')}:`);
    // Stricter than the app's policy: the bytes are someone's upload, never a page of ours.
    // (nosniff and Cache-Control: no-store come with every API answer: platform/security-headers.)
    res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
    return new StreamableFile(stream, { type: document.mediaType, disposition: attachmentDisposition(document.fileName), length: document.sizeBytes });
  }
}

/** 201 for a new document, 200 when the same bytes were attached to the same owner before. */
function respond(res: Response, stored: StoredDocument): DocumentDto {
  res.status(stored.created ? 201 : 200);
  if (stored.created) res.setHeader('Location', `/api/documents/${stored.document.id}`);
  return toDocumentDto(stored.document);
}
