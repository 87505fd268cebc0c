import { Body, Controller, Get, Param, ParseIntPipe, Post, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
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
  ApiTags,
  ApiUnsupportedMediaTypeResponse,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '@cluster/domain';
import type { StoredDocument } from '@cluster/documents';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { ErrorResponseDto } from '../platform/error-response';
import { uuidParam } from '../platform/id-param';
import { context } from '../process/request-context';
import { AttachDocumentDto, DocumentDto, toDocumentDto, UPLOAD_BODY_SCHEMA, UPLOAD_ENCODING, type ReceivedFile } from './documents.dto';
import { GOVERNMENT_DECISION_BODY_SCHEMA, GovernmentDecisionDto, GovernmentDecisionFormDto, toGovernmentDecisionDto } from './government-decision.dto';
import { ProcessDocuments } from './process-documents.service';
import { UploadLimitInterceptor } from './upload-limit.interceptor';

const uuid = uuidParam();
const milestoneUuid = uuidParam('milestoneId');
const whole = (field: string) =>
  new ParseIntPipe({ exceptionFactory: () => new DomainError('VALIDATION_FAILED', `${field} is geen getal. / The ${field} is not a number.`, [{ field, messages: [`${field} moet een positief geheel getal zijn. / ${field} must be a positive integer`] }]) });
const UNSUPPORTED = 'Not PDF, OOXML, OpenDocument or legacy Office, or the content does not match';
const TOO_LARGE = 'Larger than DOCUMENTS_MAX_BYTES';

/**
 * The documents the later steps produce, uploaded where they belong (multipart, the same limits
 * and checks as roadmap and advice attachments), and the Flemish Government's actual decision.
 * Listed with the case's documents (GET /api/cases/{id}/documents), downloaded through
 * GET /api/documents/{id}, and in the evidence bundle by SHA-256.
 */
@ApiTags('documents')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('cases/:id')
export class ProcessDocumentsController {
  constructor(private readonly documents: ProcessDocuments) {}

  @Post('agreement/versions/:version/documents')
  @Allow('attachAgreementDocument')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: 'Attach the signed partnership agreement (or an annex) to an agreement version (its account manager, or a signer it names)' })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA, encoding: UPLOAD_ENCODING })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiOkResponse({ type: DocumentDto, description: 'These exact bytes were attached to this version before: the existing document' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The version was superseded, or the case is closed' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: UNSUPPORTED })
  async attachToAgreementVersion(
    @Req() req: AuthenticatedRequest,
    @Param('id', uuid) id: string,
    @Param('version', whole('version')) version: number,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: AttachDocumentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentDto> {
    return respond(res, await this.documents.attachToAgreementVersion(context(req), id, version, file, dto.reason));
  }

  @Post('dialogue/cycles/:cycle/documents')
  @Allow('attachDialogueDocument')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: "Attach a report document to a dialogue cycle (the case's cluster representatives and account manager, until the outcome is recorded)" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA, encoding: UPLOAD_ENCODING })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiOkResponse({ type: DocumentDto, description: 'These exact bytes were attached to this cycle before: the existing document' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The cycle is concluded, or the case is not in the structured dialogue' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: UNSUPPORTED })
  async attachToDialogueCycle(
    @Req() req: AuthenticatedRequest,
    @Param('id', uuid) id: string,
    @Param('cycle', whole('cycle')) cycle: number,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: AttachDocumentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentDto> {
    return respond(res, await this.documents.attachToDialogueCycle(context(req), id, cycle, file, dto.reason));
  }

  @Post('trajectory/milestones/:milestoneId/documents')
  @Allow('attachMilestoneDocument')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({ summary: "Attach evidence to a milestone of the test trajectory (the case's cluster representatives and account manager, while it runs)" })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: UPLOAD_BODY_SCHEMA, encoding: UPLOAD_ENCODING })
  @ApiCreatedResponse({ type: DocumentDto })
  @ApiOkResponse({ type: DocumentDto, description: 'These exact bytes were attached to this milestone before: the existing document' })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'The case is not in the test trajectory' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: UNSUPPORTED })
  async attachToMilestone(
    @Req() req: AuthenticatedRequest,
    @Param('id', uuid) id: string,
    @Param('milestoneId', milestoneUuid) milestoneId: string,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: AttachDocumentDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<DocumentDto> {
    return respond(res, await this.documents.attachToMilestone(context(req), id, milestoneId, file, dto.reason));
  }

  @Post('government-decisions')
  @Allow('recordGovernmentDecision')
  @UseInterceptors(UploadLimitInterceptor, FileInterceptor('file'))
  @ApiOperation({
    summary:
      "Record the Flemish Government's decision on the approved proposal: number, date, signed PDF (the account manager or stand-in); a correction names the record it corrects (supersedesId) with a reason",
  })
  @ApiConsumes('multipart/form-data')
  @ApiBody({ schema: GOVERNMENT_DECISION_BODY_SCHEMA, encoding: { file: { contentType: 'application/pdf, application/octet-stream' } } })
  @ApiCreatedResponse({ type: GovernmentDecisionDto })
  @ApiConflictResponse({ type: ErrorResponseDto, description: 'No approved proposal yet, already recorded (send a correction), already corrected, or the case is closed' })
  @ApiPayloadTooLargeResponse({ type: ErrorResponseDto, description: TOO_LARGE })
  @ApiUnsupportedMediaTypeResponse({ type: ErrorResponseDto, description: UNSUPPORTED })
  async recordGovernmentDecision(
    @Req() req: AuthenticatedRequest,
    @Param('id', uuid) id: string,
    @UploadedFile() file: ReceivedFile | undefined,
    @Body() dto: GovernmentDecisionFormDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<GovernmentDecisionDto> {
    const recorded = await this.documents.recordGovernmentDecision(context(req), id, dto, file);
    res.setHeader('Location', `/api/documents/${recorded.document.id}`);
    return toGovernmentDecisionDto(recorded);
  }

  @Get('government-decisions')
  @Allow('readCase')
  @ApiOperation({ summary: "The Flemish Government's decision as recorded, with every correction, oldest first (whoever may read the case)" })
  @ApiOkResponse({ type: [GovernmentDecisionDto] })
  async governmentDecisions(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string): Promise<GovernmentDecisionDto[]> {
    const all = await this.documents.governmentDecisionsOf(context(req), id);
    return all.map((r) => toGovernmentDecisionDto(r, all));
  }
}

/** 201 for a new document, 200 when the same bytes were attached to the same owner before. */
function respond(res: Response, stored: StoredDocument): DocumentDto {
  res.status(stored.created ? 201 : 200);
  if (stored.created) res.setHeader('Location', `/api/documents/${stored.document.id}`);
  return toDocumentDto(stored.document);
}
