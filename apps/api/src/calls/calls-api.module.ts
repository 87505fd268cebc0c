import { Module } from '@nestjs/common';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { CallsController } from './calls.controller';
import { CallWorkflowGateway } from './call-workflow.gateway';
import { SelectionController } from './selection.controller';

@Module({
  imports: [CasesModule, CasesApiModule],
  controllers: [CallsController, SelectionController],
  providers: [CallWorkflowGateway],
})
export class CallsApiModule {}
