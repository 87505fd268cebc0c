import { DynamicModule, Global, Module } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppConfig } from '@cluster/config';
import { createDataSource } from './data-source';
import { Database } from './database';

/** Connects as the application role (DATABASE_URL) and provides `Database`. */
@Global()
@Module({})
export class PersistenceModule {
  static forRoot(applicationName: string): DynamicModule {
    return {
      module: PersistenceModule,
      providers: [
        {
          provide: DataSource,
          inject: [AppConfig],
          useFactory: async (config: AppConfig) =>
            createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName }).initialize(),
        },
        { provide: Database, inject: [DataSource], useFactory: (ds: DataSource) => new Database(ds) },
      ],
      exports: [Database],
    };
  }
}
