import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuditService, CHAIN_BREAK_EXPLANATIONS, caseStream, verifyCaseChain, WorkflowHeadKeeper } from '@cluster/audit';
import { DomainError, type Principal } from '@cluster/domain';
import type { AuditFilter } from '@cluster/persistence';
import { CurrentPrincipal, Allow } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { ErrorResponseDto } from '../platform/error-response';
import { uuidParam } from '../platform/id-param';
import { AuditPageDto, toAuditEventDto } from './audit-event.dto';
import { AuditSearchQueryDto, CaseAuditQueryDto, type AuditFilterQueryDto } from './audit-query.dto';
import { ChainVerificationDto } from './chain-verification.dto';

const uuid = uuidParam();

/** The audit trail for auditors (and, per case, for everyone who may read the case). */
@ApiTags('audit')
@ApiBearerAuth()
@ApiForbiddenResponse({ type: ErrorResponseDto })
@Controller()
export class AuditController {
  constructor(
    private readonly audit: AuditService,
    private readonly cases: CaseAccess,
    private readonly keeper: WorkflowHeadKeeper,
  ) {}

  @Get('cases/:id/audit')
  @Allow('readCase')
  @ApiOperation({
    summary: "The case's audit trail in chain order, filtered by action, actor and period, paged",
    description: 'Paged by `offset`, or by the cursor `after` (the `seq` of the last event already read): the cursor reaches any place of a long chain as fast as its start.',
  })
  @ApiOkResponse({ type: AuditPageDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async caseTrail(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string, @Query() q: CaseAuditQueryDto): Promise<AuditPageDto> {
    await this.cases.visible(p, id);
    if (q.after !== undefined && q.offset > 0) {
      throw new DomainError('VALIDATION_FAILED', 'Geef offset of after, niet allebei. / Give offset or after, not both.', [{ field: 'after', messages: ['Geef offset of after, niet allebei. / Give offset or after, not both.'] }]);
    }
    const filter = { ...filterOf(q), stream: caseStream(id) };
    const page = await this.audit.search(filter, q.limit, q.after !== undefined ? { after: q.after } : { offset: q.offset });
    return { items: page.items.map(toAuditEventDto), total: page.total, limit: q.limit, offset: page.offset };
  }

  @Get('audit')
  @Allow('searchAudit')
  @ApiOperation({ summary: 'Audit events across all cases (and system events), newest first: by actor, action, organisation, case and period' })
  @ApiOkResponse({ type: AuditPageDto })
  async search(@Query() q: AuditSearchQueryDto): Promise<AuditPageDto> {
    const page = await this.audit.search({ ...filterOf(q), organisation: q.organisation, caseId: q.caseId }, q.limit, { offset: q.offset });
    return { items: page.items.map(toAuditEventDto), total: page.total, limit: q.limit, offset: q.offset };
  }

  @Get('cases/:id/audit/verify')
  @Allow('verifyAuditChain')
  @ApiOperation({ summary: "Recomputes the case's hash chain, holds it against the head the case workflow keeps, and names the first event that does not fit" })
  @ApiOkResponse({ type: ChainVerificationDto })
  @ApiNotFoundResponse({ type: ErrorResponseDto })
  async verify(@CurrentPrincipal() p: Principal, @Param('id', uuid) id: string): Promise<ChainVerificationDto> {
    await this.cases.visible(p, id);
    const r = await verifyCaseChain(this.audit, this.keeper, id);
    return {
      caseId: id,
      ok: r.ok,
      checked: r.checked,
      headSeq: r.headSeq,
      headHash: r.headHash,
      firstBreak: r.firstBreak ? { ...r.firstBreak, explanation: CHAIN_BREAK_EXPLANATIONS[r.firstBreak.problem] } : null,
      keptHead: {
        state: r.keptHead.state,
        seq: r.keptHead.state === 'kept' ? r.keptHead.head.seq : null,
        hash: r.keptHead.state === 'kept' ? r.keptHead.head.hash : null,
        why: r.keptHead.state === 'unavailable' ? r.keptHead.why : null,
      },
      unanchored: r.unanchored,
      verifiedAt: r.verifiedAt,
      durationMs: r.durationMs,
    };
  }
}

function filterOf(q: AuditFilterQueryDto): AuditFilter {
  const from = q.from ? new Date(q.from) : undefined;
  const to = q.to ? new Date(q.to) : undefined;
  if (from && to && from >= to) throw new DomainError('VALIDATION_FAILED', 'Het begin (from) moet vóór het einde (to) liggen. / from must be before to.', [{ field: 'to', messages: ['Het einde (to) moet na het begin (from) liggen. / to must be after from'] }]);
  return { action: q.action, actorId: q.actorId, from, to };
}
