import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AppConfig, AppConfigModule, pinoOptions } from '@cluster/config';
import { PersistenceModule } from '@cluster/persistence';
import { AuthModule } from './auth/auth.module';
import { RateLimitModule } from './rate-limit/rate-limit.module';
import { CasesApiModule } from './cases/cases-api.module';
import { HealthController } from './health/health.controller';
import { requestIdFor } from './platform/request-id';
import { TemporalModule } from './temporal/temporal.module';
import { UsersModule } from './users/users.module';
import { ProcessApiModule } from './process/process-api.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { PolicyApiModule } from './policy/policy-api.module';
import { BudgetApiModule } from './budget/budget-api.module';
import { DocumentsApiModule } from './documents/documents-api.module';
import { AccountabilityApiModule } from './accountability/accountability-api.module';
import { AuditApiModule } from './audit/audit-api.module';
import { EvidenceApiModule } from './evidence/evidence-api.module';
import { ProjectsApiModule } from './projects/projects-api.module';
import { CallsApiModule } from './calls/calls-api.module';
import { EuropeanAlignmentApiModule } from './european/european-alignment-api.module';
import { PortfolioApiModule } from './portfolio/portfolio-api.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({
          // Every route, in Nest 11's wildcard syntax (nestjs-pino's default `*` makes Nest warn
          // twice at every start that it converted a legacy path).
          forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
          pinoHttp: {
            ...pinoOptions(config),
            genReqId: (req) => (req as { id?: string }).id ?? requestIdFor(req),
            // One short line per request; headers (and so tokens) are never logged.
            serializers: {
              req: (req: { id: string; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
            autoLogging: { ignore: (req) => req.url === '/api/health' },
            // The line says what happened, readable in the pretty console as in JSON.
            customSuccessMessage: (req, res, ms) => `${req.method} ${req.url} ${res.statusCode} ${Math.round(ms)} ms`,
            customErrorMessage: (req, res, err) => `${req.method} ${req.url} ${res.statusCode} failed: ${err.message}`,
            customProps: () => ({ service: 'api' }),
          },
        }),
        PersistenceModule.forRoot('cluster-cases-api'),
        TemporalModule,
        AuthModule,
        RateLimitModule,
        // The auditors' read models: decision trace, and the case as of a moment (global, for ?asOf=).
        AccountabilityApiModule,
        CasesApiModule,
        UsersModule,
        ProcessApiModule,
        ProjectsApiModule,
        DocumentsApiModule,
        NotificationsApiModule,
        PolicyApiModule,
        BudgetApiModule,
        AuditApiModule,
        CallsApiModule,
        EuropeanAlignmentApiModule,
        PortfolioApiModule,
        EvidenceApiModule,
      ],
      controllers: [HealthController],
    };
  }
}
