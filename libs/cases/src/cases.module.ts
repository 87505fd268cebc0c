import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { ApprovalsModule } from '@cluster/approvals';
import { NotificationsModule } from '@cluster/notifications';
import { AdviceService } from './advice.service';
import { AssessmentService } from './assessment.service';
import { DecisionService } from './decision.service';
import { HandoverService } from './handover.service';
import { StandInService } from './stand-in.service';
import { TrajectoryService } from './trajectory.service';
import { AgreementService } from './agreement.service';
import { DialogueService } from './dialogue.service';
import { BudgetModule } from '@cluster/budget';
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';
import { TerminationService } from './termination.service';
import { PartyAmendmentService } from './party-amendment.service';
import { ProjectService } from './project.service';
import { CallService } from './call.service';
import { SelectionService } from './selection/selection.service';
import { SelectionOutcomeService } from './selection/selection-outcome.service';
import { CallDeadlineService } from './selection/call-deadline.service';

@Module({
  imports: [AuditModule, ApprovalsModule, NotificationsModule, BudgetModule],
  providers: [CaseCommandsService, CaseQueriesService, AssessmentService, AdviceService, DecisionService, HandoverService, StandInService, TrajectoryService, AgreementService, DialogueService, PartyAmendmentService, ProjectService, TerminationService, CallService, SelectionService, SelectionOutcomeService, CallDeadlineService],
  exports: [
    CaseCommandsService,
    CaseQueriesService,
    AssessmentService,
    AdviceService,
    DecisionService,
    HandoverService,
    StandInService,
    TrajectoryService,
    AgreementService,
    DialogueService,
    TerminationService,
    PartyAmendmentService,
    ProjectService,
    CallService,
    SelectionService,
    SelectionOutcomeService,
    CallDeadlineService,
  ],
})
export class CasesModule {}
