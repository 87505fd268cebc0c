export * from './roles';
export * from './errors';
export * from './stages';
export * from './case';
export * from './policy';
export * from './access';
