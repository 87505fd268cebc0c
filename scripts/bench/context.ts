import type { ApiClient } from './api-client';
import type { BareTemporal } from './bare-temporal';
import type { BenchOptions } from './options';
import type { Progress } from './progress';
import type { BenchStack } from './stack';

/** What every measurement works with: the flags, the stack under test and the clients. */
export interface BenchContext {
  options: BenchOptions;
  stack: BenchStack;
  api: ApiClient;
  bare: BareTemporal;
  progress: Progress;
}

/** A case opened through the API, as POST /api/cases answers. */
export interface CreatedCase {
  id: string;
  stage: string;
}
