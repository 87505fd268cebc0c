import { Controller, Get, Logger, Param, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { EvidenceExportService, type EvidenceSnapshot, type ExportedBy } from '@cluster/audit';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ErrorResponseDto } from '../platform/error-response';
import { uuidParam } from '../platform/id-param';
import { streamToResponse } from './stream-response';

const uuid = uuidParam();

const download = (contentType: string, fileName: string) => (res: Response) => {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('X-Content-Type-Options', 'nosniff');
};

/**
 * Evidence for auditors: the case's signed bundle (checked offline with
 * `npm run audit:verify-bundle`) and its timeline as CSV. Both stream; neither writes an audit
 * event, so exporting never changes the chain it exports. Each export is logged instead.
 */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@ApiNotFoundResponse({ type: ErrorResponseDto })
@Controller('cases/:id/audit')
export class EvidenceController {
  private readonly logger = new Logger('EvidenceExport');

  constructor(
    private readonly cases: CaseAccess,
    private readonly evidence: EvidenceExportService,
  ) {}

  @Get('export')
  @Allow('exportEvidence')
  @ApiOperation({ summary: 'Evidence bundle (JSON Lines): header with the signing key, every audit event, document hashes, Ed25519 signature' })
  @ApiProduces('application/x-ndjson')
  @ApiOkResponse({
    description: 'Streamed; the last line is the signature. Verify offline with `npm run audit:verify-bundle <file>`.',
    schema: { type: 'string', format: 'binary' },
    headers: { 'Content-Disposition': { description: 'attachment; filename="case-<id>-evidence.jsonl"', schema: { type: 'string' } } },
  })
  async exportBundle(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const snapshot = await this.prepare(req, id);
    const p = req.principal!;
    const exportedBy: ExportedBy = { userId: p.userId, displayName: p.displayName, role: req.actingRole!, organisation: p.organisation };
    this.logExport('bundle', req, snapshot);
    download('application/x-ndjson; charset=utf-8', `case-${id}-evidence.jsonl`)(res);
    await streamToResponse(res, this.evidence.bundle(snapshot, exportedBy), this.logger, 'evidence bundle');
  }

  @Get('export.csv')
  @Allow('exportEvidence')
  @ApiOperation({ summary: 'The audit timeline as CSV for spreadsheets (UTF-8 with BOM, one row per event)' })
  @ApiProduces('text/csv')
  @ApiOkResponse({
    description: 'Streamed. Cells that a spreadsheet would read as a formula start with a quote.',
    schema: { type: 'string', format: 'binary' },
  })
  async exportCsv(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Res() res: Response): Promise<void> {
    const snapshot = await this.prepare(req, id);
    this.logExport('timeline CSV', req, snapshot);
    download('text/csv; charset=utf-8', `case-${id}-timeline.csv`)(res);
    await streamToResponse(res, this.evidence.timelineCsv(snapshot), this.logger, 'timeline CSV');
  }

  /** Access (404/403) and the snapshot are settled before any byte is sent, so they can still fail cleanly. */
  private async prepare(req: AuthenticatedRequest, caseId: string): Promise<EvidenceSnapshot> {
    await this.cases.visible(req.principal!, caseId);
    return this.evidence.snapshot(caseId);
  }

  private logExport(what: string, req: AuthenticatedRequest, snapshot: EvidenceSnapshot): void {
    this.logger.log({
      msg: `audit ${what} exported`,
      caseId: snapshot.caseId,
      userId: req.principal!.userId,
      role: req.actingRole,
      events: snapshot.head?.seq ?? 0,
      chainHead: snapshot.head?.hash ?? null,
      documents: snapshot.documents.length,
    });
  }
}
