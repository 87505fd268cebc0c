export * from './decision-trace.types';
export * from './decision-trace.service';
export * from './accountability.module';
