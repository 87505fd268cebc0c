import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';

/**
 * With RECORD_HISTORIES=1, the workflow tests save the histories they produce here (protobuf
 * binary, the server's own format). Commit them when a workflow changes shape:
 * replay.workflow-spec.ts then proves that cases started by the old code still replay on the new.
 */
export function recordHistoryIfAsked(name: string, history: temporal.api.history.v1.IHistory): void {
  if (process.env.RECORD_HISTORIES !== '1') return;
  writeFileSync(join(__dirname, `${name}.history.bin`), temporal.api.history.v1.History.encode(history).finish());
}

export function readRecordedHistory(file: string): temporal.api.history.v1.History {
  return temporal.api.history.v1.History.decode(readFileSync(join(__dirname, file)));
}
