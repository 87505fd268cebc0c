import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from '@temporalio/worker';
import { workflowBundle } from '../support/temporal';
import { readRecordedHistory } from './histories/record';

const dir = join(__dirname, 'histories');
const recorded = readdirSync(dir).filter((f) => f.endsWith('.history.bin'));

/**
 * Every recorded history of every workflow type replays on today's workflow code. A change that
 * would break cases already running (years-long!) fails here; guard it with patched().
 */
describe('replay of recorded workflow histories', () => {
  it('has a recorded history for every workflow type', () => {
    const types = new Set(recorded.map((f) => f.split('-')[0]));
    expect([...types].sort()).toEqual(['callWorkflow', 'caseWorkflow', 'termWorkflow']);
  });

  it.each(recorded)('replays %s', async (file) => {
    const history = readRecordedHistory(file);
    await expect(Worker.runReplayHistory({ workflowBundle: workflowBundle() }, history, file)).resolves.toBeUndefined();
  });
});
