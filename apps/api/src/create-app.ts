import 'reflect-metadata';
import type { IncomingMessage } from 'node:http';
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
import { methodNotAllowed } from './platform/method-not-allowed';
import { completeDocument } from './platform/openapi/complete-document';
import { assignRequestId } from './platform/request-id';
import { applySecurityHeaders } from './platform/security-headers';
import { createValidationPipe } from './platform/validation';
import { serveWebApp } from './platform/web-app';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isJson = (req: IncomingMessage) => (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';

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
  // A method the path does not have: 405 before any body is read or any guard runs.
  app.use(methodNotAllowed(app.getHttpAdapter().getInstance()));
  // Only a command's body is read: a GET's has no meaning in HTTP, and parsing it would let a read
  // fail with 400 or 413 for bytes it never uses.
  app.useBodyParser('json', { limit: '1mb', reviver: screenJson, type: (req: IncomingMessage) => !READS.has(req.method ?? '') && isJson(req) });
  app.setGlobalPrefix('api');
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllErrorsFilter());
  app.useGlobalInterceptors(new MediaTypeInterceptor(app.get(Reflector)));
  app.enableShutdownHooks();
  app.disable('x-powered-by');

  const description = new DocumentBuilder()
    .setTitle('Cluster cases API')
    .setDescription(
      'Case management for the targeted cluster policy of Flanders: roadmap, assessment, advice, decision, ' +
        'test trajectory, partnership agreement, structured dialogue. Every error has the shared error body ' +
        '(ErrorResponseDto); a method a path does not have is answered with 405 and an Allow header.',
    )
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  const document = completeDocument(app, SwaggerModule.createDocument(app, description));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
  serveWebApp(app, config);
  return app;
}
