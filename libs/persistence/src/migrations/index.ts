import { Foundation1764230400000 } from './1764230400000-foundation';
import { FirstHalf1764316800000 } from './1764316800000-first-half';

/** Every migration, in order. Schema changes happen only here (never `synchronize`). */
export const MIGRATIONS = [Foundation1764230400000, FirstHalf1764316800000];
