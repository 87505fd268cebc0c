import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { Client, Connection } from '@temporalio/client';
import { Logger } from 'nestjs-pino';
import { AppConfig, QuietStartupLogger, temporalConnectionSettings } from '@cluster/config';
import {
  AdviceService,
  AgreementService,
  AssessmentService,
  CallDeadlineService,
  CallService,
  CaseCommandsService,
  DecisionService,
  DialogueService,
  SelectionOutcomeService,
  SelectionService,
  TrajectoryService,
  TerminationService,
} from '@cluster/cases';
import { BudgetService } from '@cluster/budget';
import { RemindersService } from '@cluster/reminders';
import { EmailDispatcher } from '@cluster/notifications';
import { createCallActivities, createCaseActivities } from '@cluster/activities';
import { AuditHeadAnchor, WorkflowHeadKeeper } from '@cluster/audit';
import { Database } from '@cluster/persistence';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  worker: Worker;
  context: INestApplicationContext;
  connection: NativeConnection;
  /** After `worker.run()` has returned: sends the last chain heads, then closes everything. */
  close(): Promise<void>;
}

/**
 * Builds the Temporal worker over the Nest services. `workflowBundle` lets tests reuse one
 * pre-built bundle; otherwise the workflows are bundled from their package at start.
 */
export async function createCaseWorker(
  config: AppConfig,
  options: Partial<Pick<WorkerOptions, 'workflowBundle'>> = {},
): Promise<RunningWorker> {
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), { bufferLogs: true });
  context.useLogger(new QuietStartupLogger(context.get(Logger)));
  const connection = await NativeConnection.connect(temporalConnectionSettings(config));
  const caseActivities = createCaseActivities({
    commands: context.get(CaseCommandsService),
    assessment: context.get(AssessmentService),
    advice: context.get(AdviceService),
    decisions: context.get(DecisionService),
    trajectory: context.get(TrajectoryService),
    agreements: context.get(AgreementService),
    dialogue: context.get(DialogueService),
    budget: context.get(BudgetService),
    reminders: context.get(RemindersService),
    terminations: context.get(TerminationService),
    selectionOutcomes: context.get(SelectionOutcomeService),
    heads: context.get(Database),
  });
  const callActivities = createCallActivities({ calls: context.get(CallService), selections: context.get(SelectionService), deadlines: context.get(CallDeadlineService) });
  const activities = { ...caseActivities, ...callActivities };
  // The e-mail outbox is delivered from the worker process (a no-op without SMTP_HOST).
  context.get(EmailDispatcher).start();
  const worker = await Worker.create({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    taskQueue: config.TEMPORAL_TASK_QUEUE,
    activities,
    ...(options.workflowBundle
      ? { workflowBundle: options.workflowBundle }
      : // The worker hands the workflows' path to Temporal's bundler; it never imports their code.
        // eslint-disable-next-line @nx/enforce-module-boundaries
        { workflowsPath: require.resolve('@cluster/workflows') }),
  });
  // Every commit that extends a case's audit chain sends the new head to the case workflow.
  const clientConnection = Connection.lazy(temporalConnectionSettings(config));
  const keeper = new WorkflowHeadKeeper(new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE }).workflow);
  const logger = context.get(Logger);
  const anchor = new AuditHeadAnchor(context.get(Database), keeper.send, (caseId, error) =>
    logger.warn(`Audit head of case ${caseId} not anchored (the next command will): ${(error as Error).message}`, 'AuditHeadAnchor'),
  ).attach();
  return {
    worker,
    context,
    connection,
    async close() {
      await anchor.drain();
      await clientConnection.close();
      await connection.close();
      await context.close();
    },
  };
}
