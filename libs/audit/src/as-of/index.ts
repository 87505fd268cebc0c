export * from './case-as-of.types';
export * from './case-as-of';
export * from './case-as-of.service';
export * from './case-as-of.module';
