import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { ApprovalsModule } from '@cluster/approvals';
import { NotificationsModule } from '@cluster/notifications';
import { AdviceService } from './advice.service';
import { AssessmentService } from './assessment.service';
import { DecisionService } from './decision.service';
import { HandoverService } from './handover.service';
import { TrajectoryService } from './trajectory.service';
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';

@Module({
  imports: [AuditModule, ApprovalsModule, NotificationsModule],
  providers: [CaseCommandsService, CaseQueriesService, AssessmentService, AdviceService, DecisionService, HandoverService, TrajectoryService],
  exports: [CaseCommandsService, CaseQueriesService, AssessmentService, AdviceService, DecisionService, HandoverService, TrajectoryService],
})
export class CasesModule {}
