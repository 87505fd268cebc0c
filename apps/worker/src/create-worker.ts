import 'reflect-metadata';
import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import { Logger } from 'nestjs-pino';
import { AppConfig, temporalConnectionSettings } from '@cluster/config';
import { AdviceService, AgreementService, AssessmentService, CaseCommandsService, DecisionService, DialogueService, TrajectoryService } from '@cluster/cases';
import { BudgetService } from '@cluster/budget';
import { RemindersService } from '@cluster/reminders';
import { EmailDispatcher } from '@cluster/notifications';
import { createCaseActivities } from '@cluster/activities';
import { WorkerModule } from './worker.module';

export interface RunningWorker {
  worker: Worker;
  context: INestApplicationContext;
  connection: NativeConnection;
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
  context.useLogger(context.get(Logger));
  const connection = await NativeConnection.connect(temporalConnectionSettings(config));
  const activities = createCaseActivities({
    commands: context.get(CaseCommandsService),
    assessment: context.get(AssessmentService),
    advice: context.get(AdviceService),
    decisions: context.get(DecisionService),
    trajectory: context.get(TrajectoryService),
    agreements: context.get(AgreementService),
    dialogue: context.get(DialogueService),
    budget: context.get(BudgetService),
    reminders: context.get(RemindersService),
  });
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
  return { worker, context, connection };
}
