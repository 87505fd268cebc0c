import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { ProcessController } from './process.controller';
import { ProcessGateway } from './process.gateway';
import { WorkListsController } from './work-lists.controller';
import { HandoverController } from './handover.controller';
import { TrajectoryController } from './trajectory.controller';
import { AgreementController } from './agreement.controller';
import { DialogueController } from './dialogue.controller';
import { CaseAccessController } from './case-access.controller';

@Module({
  imports: [CasesModule, CasesApiModule],
  controllers: [ProcessController, WorkListsController, HandoverController, TrajectoryController, AgreementController, DialogueController, CaseAccessController],
  providers: [ProcessGateway],
})
export class ProcessApiModule {}
