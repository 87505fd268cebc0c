export * from './entities';
export * from './repositories';
export * from './data-source';
export * from './database';
export * from './persistence.module';
export { MIGRATIONS } from './migrations';
export * from './provisioning';
