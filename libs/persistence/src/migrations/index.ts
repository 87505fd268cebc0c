import { Foundation1764230400000 } from './1764230400000-foundation';

/** Every migration, in order. Schema changes happen only here (never `synchronize`). */
export const MIGRATIONS = [Foundation1764230400000];
