export * from './document-storage';
export * from './local-folder-storage';
export * from './s3-storage';
export * from './media-types';
export * from './file-name';
export * from './documents.service';
export * from './documents.module';
export * from './government-decision.service';
