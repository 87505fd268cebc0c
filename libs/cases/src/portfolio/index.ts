export * from './portfolio.service';
export * from './portfolio.module';
export type * from './portfolio.types';
