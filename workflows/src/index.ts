export * from './case.workflow';
export * from './term.workflow';
