import { Module } from '@nestjs/common';
import { AppConfig } from '@cluster/config';
import { AuditModule } from '@cluster/audit';
import { DOCUMENT_STORAGE, type DocumentStorage } from './document-storage';
import { DOCUMENT_LIMITS, DocumentsService, type DocumentLimits } from './documents.service';
import { GovernmentDecisionService } from './government-decision.service';
import { LocalFolderStorage } from './local-folder-storage';
import { S3Storage } from './s3-storage';

/** The document store the configuration names: an S3 bucket when S3_BUCKET is set, else a local folder. */
export function createDocumentStorage(config: AppConfig): DocumentStorage {
  if (config.S3_BUCKET) {
    return new S3Storage({
      bucket: config.S3_BUCKET,
      region: config.S3_REGION,
      endpoint: config.S3_ENDPOINT,
      forcePathStyle: config.S3_FORCE_PATH_STYLE ?? Boolean(config.S3_ENDPOINT),
      credentials:
        config.S3_ACCESS_KEY_ID && config.S3_SECRET_ACCESS_KEY
          ? { accessKeyId: config.S3_ACCESS_KEY_ID, secretAccessKey: config.S3_SECRET_ACCESS_KEY }
          : undefined,
    });
  }
  return new LocalFolderStorage(config.DOCUMENTS_DIR);
}

@Module({
  imports: [AuditModule],
  providers: [
    { provide: DOCUMENT_STORAGE, inject: [AppConfig], useFactory: createDocumentStorage },
    { provide: DOCUMENT_LIMITS, inject: [AppConfig], useFactory: (config: AppConfig): DocumentLimits => ({ maxBytes: config.DOCUMENTS_MAX_BYTES }) },
    DocumentsService,
    GovernmentDecisionService,
  ],
  exports: [DocumentsService, GovernmentDecisionService, DOCUMENT_STORAGE, DOCUMENT_LIMITS],
})
export class DocumentsModule {}
