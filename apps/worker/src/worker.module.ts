import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule, pinoOptions } from '@cluster/config';
import { PersistenceModule } from '@cluster/persistence';
import { CasesModule } from '@cluster/cases';
import { RemindersModule } from '@cluster/reminders';
import { NotificationsModule } from '@cluster/notifications';
import { BudgetModule } from '@cluster/budget';

/** The services the activities need, in a Nest application context (no HTTP). */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { ...pinoOptions(config), customProps: () => ({ service: 'worker' }) } }),
        PersistenceModule.forRoot('cluster-cases-worker'),
        CasesModule,
        RemindersModule,
        NotificationsModule,
        BudgetModule,
      ],
    };
  }
}
