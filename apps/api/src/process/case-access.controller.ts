import { Body, Controller, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CASE_COMMAND_STAGES, commandRefusal, permission, type Action, type CaseCommand, type CaseView, type OtherAction } from '@cluster/domain';
import { Database } from '@cluster/persistence';
import { DOCUMENT_ACTION_STAGES } from '../documents/document-stages';
import { CaseQueriesService, StandInService } from '@cluster/cases';
import { Allow, type AuthenticatedRequest } from '../auth/principal.decorator';
import { CaseAccess } from '../cases/case-access.service';
import { actorOf } from '../cases/case-updates.service';
import { CaseDto } from '../cases/case-responses.dto';
import { uuidParam } from '../platform/id-param';
import { CASE_PAGE_ACTIONS, CasePermissionsDto, StandInDto, type CasePermissionDto } from './case-access.dto';
import { context } from './request-context';

const uuid = uuidParam();

/** Who may act on one case: the "may I" answers of the permissions table, and the stand-in. */
@ApiTags('process')
@ApiBearerAuth()
@Controller('cases/:id')
export class CaseAccessController {
  constructor(
    private readonly cases: CaseAccess,
    private readonly queries: CaseQueriesService,
    private readonly standIns: StandInService,
    private readonly db: Database,
  ) {}

  @Get('permissions')
  @Allow('readCase')
  @ApiOperation({ summary: 'What the signed-in person may do to this case now, and why not (the web app asks this rather than deciding itself)' })
  @ApiOkResponse({ type: CasePermissionsDto })
  async permissions(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string): Promise<CasePermissionsDto> {
    const view = await this.cases.visible(req.principal!, id);
    const facts = { case: await this.queries.accessFacts(view) };
    // The signed copy comes after signing: its signers are those of the current version.
    const current = (await this.db.read((repos) => repos.agreements.versions(id))).filter((v) => v.status !== 'superseded').at(-1);
    const agreementFacts = { case: { ...facts.case, signerIds: current ? current.content.parties.map((p) => p.representativeUserId) : [] } };
    const actions = CASE_PAGE_ACTIONS.map((action): CasePermissionDto => {
      const answer = permission(req.principal!, action as Action, action === 'attachAgreementDocument' ? agreementFacts : facts);
      const documentStages = DOCUMENT_ACTION_STAGES[action as OtherAction];
      const stageRefusal = isCaseCommand(action)
        ? commandRefusal(view.stage, action)
        : documentStages
          ? documentStages.includes(view.stage) ? null : 'stage'
          : action === 'registerForCall'
            ? view.stage === 'roadmap_drafting' ? null : 'stage' // a case registers while its roadmap is drafted (libs/domain/src/call.ts)
            : view.stage === 'closed' && (action === 'nameStandIn' || action === 'amendParties' || action === 'manageProjects') ? 'closed' : null;
      return {
        action,
        allowed: answer.allowed,
        allowedInStage: stageRefusal === null,
        reason: !answer.allowed ? answer.refusal : stageRefusal ? NOT_IN_THIS_STAGE : null,
      };
    });
    return { caseId: view.id, actions };
  }

  @Post('stand-in')
  @Allow('nameStandIn')
  @HttpCode(200)
  @ApiOperation({ summary: 'Name (or clear) the colleague who concludes the assessment and proposes the decision in the account manager\'s stead' })
  @ApiOkResponse({ type: CaseDto })
  async standIn(@Req() req: AuthenticatedRequest, @Param('id', uuid) id: string, @Body() dto: StandInDto): Promise<CaseView> {
    const ctx = context(req);
    const { role } = await this.cases.authorised(ctx.principal, id, 'nameStandIn');
    return this.standIns.name(actorOf(ctx, role), id, dto.standInId, dto.reason, ctx.requestId);
  }
}

function isCaseCommand(action: string): action is CaseCommand {
  return action in CASE_COMMAND_STAGES;
}

const NOT_IN_THIS_STAGE = { nl: 'Dit gebeurt niet in de huidige fase van het dossier.', en: "This is not done in the case's current stage." };
