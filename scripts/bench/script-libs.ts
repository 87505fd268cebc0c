/**
 * Typed access to the plain-JavaScript helpers of scripts/lib (ES modules shared with `npm start`
 * and Jest's global setup).
 */
import type { ChildProcess, SpawnOptions, SpawnSyncOptions } from 'node:child_process';

export interface ProcessesLib {
  startChild(name: string, command: string, args: string[], options?: SpawnOptions, output?: NodeJS.WritableStream): ChildProcess;
  stopChild(child: ChildProcess | undefined, signal?: NodeJS.Signals, graceMs?: number): Promise<void>;
  runStep(command: string, args: string[], options?: SpawnSyncOptions): void;
  captureStep(command: string, args: string[], options?: SpawnSyncOptions): string;
  waitForPort(port: number, host?: string, timeoutMs?: number): Promise<void>;
  waitForHttp(url: string, timeoutMs?: number): Promise<void>;
  freePort(): Promise<number>;
}

export interface ProductLib {
  ROOT: string;
  productCommand(program: 'db-setup' | 'worker' | 'api', nodeFlags?: string[]): [string, string[]];
  productEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv;
  temporalDevServerArgs(options: { dbFile: string; port: number; uiPort?: number }): string[];
  databaseEnv(adminUrl: string, database?: string): { DATABASE_ADMIN_URL: string; DATABASE_MIGRATION_URL: string; DATABASE_URL: string };
  keepOnlySignalHandler(keep: (...args: unknown[]) => void): void;
}

export interface EmbeddedPostgresLib {
  startEmbeddedPostgres(options: { dataDir: string; port: number; log?: (line: string) => void }): Promise<{ adminUrl: string; port: number; dataDir: string; stop: () => Promise<void> }>;
}

// Loaded with require(esm) (these modules have no top-level await).
export const processesLib = () => import('../lib/processes.mjs' as string) as Promise<ProcessesLib>;
export const productLib = () => import('../lib/product.mjs' as string) as Promise<ProductLib>;
export const embeddedPostgresLib = () => import('../lib/embedded-postgres.mjs' as string) as Promise<EmbeddedPostgresLib>;
