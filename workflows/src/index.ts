export * from './case.workflow';
export * from './term.workflow';
export * from './call.workflow';
