export * from './case-view';
export * from './case-commands.service';
export * from './case-queries.service';
export * from './cases.module';
export * from './case-lock';
export * from './assessment.service';
export * from './advice.service';
export * from './decision.service';
