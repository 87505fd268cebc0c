import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { ProcessController } from './process.controller';
import { ProcessCommands } from './process-commands.service';
import { WorkListsController } from './work-lists.controller';
import { HandoverController } from './handover.controller';
import { TrajectoryController } from './trajectory.controller';
import { AgreementController } from './agreement.controller';
import { DialogueController } from './dialogue.controller';
import { TerminationController } from './termination.controller';
import { CaseAccessController } from './case-access.controller';
import { AdviceRequestController } from './advice-request.controller';
import { AdviceRequestAccess } from './advice-request-access';
import { AdviceRequestDetails } from './advice-request-details.service';

@Module({
  imports: [CasesModule, CasesApiModule],
  controllers: [ProcessController, WorkListsController, AdviceRequestController, HandoverController, TrajectoryController, AgreementController, DialogueController, CaseAccessController, TerminationController],
  providers: [ProcessCommands, AdviceRequestAccess, AdviceRequestDetails],
  // The documents of a request and of the roadmap under advice follow the same rule.
  exports: [AdviceRequestAccess],
})
export class ProcessApiModule {}
