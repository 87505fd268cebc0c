import 'reflect-metadata';
import type { INestApplication } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { QuietStartupLogger, type AppConfig } from '@cluster/config';
import { AppModule } from './app.module';
import { AllErrorsFilter } from './platform/all-errors.filter';
import { screenJson } from './platform/json-screen';
import { MediaTypeInterceptor } from './platform/media-type.interceptor';
import { assignRequestId } from './platform/request-id';
import { applySecurityHeaders } from './platform/security-headers';
import { createValidationPipe } from './platform/validation';
import { serveWebApp } from './platform/web-app';

/** Builds the HTTP application exactly as production runs it; tests call this too. */
export async function createApiApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(new QuietStartupLogger(app.get(Logger)));
  applySecurityHeaders(app, config);
  // The request id is assigned before the body is parsed, so even a malformed body's 400 carries it.
  app.use(assignRequestId);
  app.useBodyParser('json', { limit: '1mb', reviver: screenJson });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter());
  app.useGlobalInterceptors(new MediaTypeInterceptor(app.get(Reflector)));
  app.enableShutdownHooks();
  app.disable('x-powered-by');

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Cluster cases API')
      .setDescription(
        'Case management for the targeted cluster policy of Flanders: roadmap, assessment, advice, decision, ' +
          'test trajectory, partnership agreement, structured dialogue.',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app, config);
  return app;
}
