import { Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Logger } from 'nestjs-pino';
import { Client } from '@temporalio/client';
import { AuditHeadAnchor, AuditModule, WorkflowHeadKeeper } from '@cluster/audit';
import { Database } from '@cluster/persistence';
import { CasesApiModule } from '../cases/cases-api.module';
import { AuditController } from './audit.controller';

/**
 * The audit trail's endpoints, and the anchor that sends the chain head of every case the API
 * itself writes to (documents, handovers) to the case workflow.
 */
@Module({
  imports: [AuditModule, CasesApiModule],
  controllers: [AuditController],
  providers: [
    { provide: WorkflowHeadKeeper, inject: [Client], useFactory: (client: Client) => new WorkflowHeadKeeper(client.workflow) },
    {
      provide: AuditHeadAnchor,
      inject: [Database, WorkflowHeadKeeper, Logger],
      useFactory: (db: Database, keeper: WorkflowHeadKeeper, logger: Logger) =>
        new AuditHeadAnchor(db, keeper.send, (caseId, error) =>
          logger.warn(`Audit head of case ${caseId} not anchored (the next command will): ${(error as Error).message}`, 'AuditHeadAnchor'),
        ),
    },
  ],
  exports: [WorkflowHeadKeeper],
})
export class AuditApiModule implements OnModuleInit, OnApplicationShutdown {
  constructor(private readonly anchor: AuditHeadAnchor) {}

  onModuleInit(): void {
    this.anchor.attach();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.anchor.drain();
  }
}
