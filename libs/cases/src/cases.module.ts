import { Module } from '@nestjs/common';
import { AuditModule } from '@cluster/audit';
import { ApprovalsModule } from '@cluster/approvals';
import { AdviceService } from './advice.service';
import { AssessmentService } from './assessment.service';
import { DecisionService } from './decision.service';
import { CaseCommandsService } from './case-commands.service';
import { CaseQueriesService } from './case-queries.service';

@Module({
  imports: [AuditModule, ApprovalsModule],
  providers: [CaseCommandsService, CaseQueriesService, AssessmentService, AdviceService, DecisionService],
  exports: [CaseCommandsService, CaseQueriesService, AssessmentService, AdviceService, DecisionService],
})
export class CasesModule {}
