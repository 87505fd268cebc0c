import { MockActivityEnvironment } from '@temporalio/testing';
import { ApplicationFailure, type LogLevel, type LogMetadata, type Logger } from '@temporalio/common';
import { DomainError } from '@cluster/domain';
import { asCommand, COMMAND_MAX_ATTEMPTS } from './activity-errors';

/** The activity's log lines, as the worker's logger would get them. */
function capturingLogger(): Logger & { lines: { level: LogLevel; message: string; meta?: LogMetadata }[] } {
  const lines: { level: LogLevel; message: string; meta?: LogMetadata }[] = [];
  const at = (level: LogLevel) => (message: string, meta?: LogMetadata) => void lines.push({ level, message, meta });
  return { lines, log: (level, message, meta) => void lines.push({ level, message, meta }), trace: at('TRACE'), debug: at('DEBUG'), info: at('INFO'), warn: at('WARN'), error: at('ERROR') };
}

const ref = { workflowId: 'case-7f0c3c1e-0000-4000-8000-000000000001', updateId: 'req-1' };
const caseId = '7f0c3c1e-0000-4000-8000-000000000001';

async function failureOf(error: unknown, attempt = 1) {
  const logger = capturingLogger();
  const env = new MockActivityEnvironment({ attempt }, { logger });
  const thrown = await env.run(() => asCommand(ref, caseId, () => Promise.reject(error))).then(
    () => undefined,
    (e: unknown) => e,
  );
  return { thrown, errors: logger.lines.filter((l) => l.level === 'ERROR') };
}

describe('asCommand: how a command activity fails', () => {
  it.each([
    ['a RangeError', new RangeError('Not an ISO date (YYYY-MM-DD): 2027-02-30')],
    ['a TypeError', new TypeError("Cannot read properties of null (reading 'forEach')")],
    ['a ReferenceError', new ReferenceError('x is not defined')],
  ])('%s fails the update at the first attempt, not retried, and is logged once with the case and update id', async (_name, error) => {
    const { thrown, errors } = await failureOf(error);
    expect(thrown).toBeInstanceOf(ApplicationFailure);
    expect(thrown).toMatchObject({ type: 'INTERNAL_ERROR', nonRetryable: true, cause: error });
    expect((thrown as ApplicationFailure).message).toMatch(/^De opdracht kon niet worden uitgevoerd .* \/ The command could not be carried out/);
    expect((thrown as ApplicationFailure).message).not.toContain(error.message);
    expect(errors).toHaveLength(1);
    expect(errors[0]!.meta).toMatchObject({ caseId, workflowId: ref.workflowId, updateId: ref.updateId, attempt: 1, errorName: error.name, errorMessage: error.message });
  });

  it('retries an unknown error (a deadlock, say) with the backoff, then fails the update at the bound', async () => {
    const deadlock = Object.assign(new Error('deadlock detected'), { code: '40P01' });
    for (let attempt = 1; attempt < COMMAND_MAX_ATTEMPTS; attempt++) {
      const { thrown, errors } = await failureOf(deadlock, attempt);
      expect(thrown).toBe(deadlock); // retryable: Temporal tries again
      expect(errors).toEqual([]);
    }
    const last = await failureOf(deadlock, COMMAND_MAX_ATTEMPTS);
    expect(last.thrown).toMatchObject({ type: 'INTERNAL_ERROR', nonRetryable: true });
    expect(last.errors).toHaveLength(1);
  });

  it('keeps a database outage retryable at every attempt (durability), and domain refusals as their code', async () => {
    const outage = new DomainError('DEPENDENCY_UNAVAILABLE', 'The database is not available; try again shortly.');
    for (const attempt of [1, COMMAND_MAX_ATTEMPTS, 1000]) {
      const { thrown, errors } = await failureOf(outage, attempt);
      expect(thrown).toMatchObject({ type: 'DEPENDENCY_UNAVAILABLE', nonRetryable: false });
      expect(errors).toEqual([]);
    }
    const refused = await failureOf(new DomainError('VALIDATION_FAILED', 'The trajectory is not valid.', [{ field: 'milestones.0.dueDate', messages: ['…'] }]));
    expect(refused.thrown).toMatchObject({ type: 'VALIDATION_FAILED', nonRetryable: true, details: [[{ field: 'milestones.0.dueDate', messages: ['…'] }]] });
    expect(refused.errors).toEqual([]);
  });

  it('passes a result through untouched', async () => {
    const env = new MockActivityEnvironment();
    await expect(env.run(() => asCommand(ref, caseId, async () => ({ ok: true })))).resolves.toEqual({ ok: true });
  });
});
