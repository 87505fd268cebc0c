import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { DOCUMENT_LIMITS, DocumentsModule, type DocumentLimits } from '@cluster/documents';
import { CasesModule } from '@cluster/cases';
import { CasesApiModule } from '../cases/cases-api.module';
import { ProcessApiModule } from '../process/process-api.module';
import { DocumentsController } from './documents.controller';
import { CaseDocuments } from './case-documents.service';
import { ProcessDocumentsController } from './process-documents.controller';
import { ProcessDocuments } from './process-documents.service';
import { UploadLimitInterceptor } from './upload-limit.interceptor';

@Module({
  imports: [
    DocumentsModule,
    CasesModule,
    CasesApiModule,
    ProcessApiModule,
    // Uploads are held in memory (multer's default storage) up to DOCUMENTS_MAX_BYTES: the
    // service hashes and sniffs them before anything is written.
    MulterModule.registerAsync({
      imports: [DocumentsModule],
      inject: [DOCUMENT_LIMITS],
      useFactory: (limits: DocumentLimits) => ({
        limits: { fileSize: limits.maxBytes, files: 1, fields: 5, fieldSize: 8 * 1024, parts: 10 },
        // Browsers send the file name as raw UTF-8 ("Bijlage – België.pdf").
        defParamCharset: 'utf8',
      }),
    }),
  ],
  controllers: [DocumentsController, ProcessDocumentsController],
  providers: [CaseDocuments, ProcessDocuments, UploadLimitInterceptor],
})
export class DocumentsApiModule {}
