export * from './case-view';
export * from './case-commands.service';
export * from './case-queries.service';
export * from './cases.module';
