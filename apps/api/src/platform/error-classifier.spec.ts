import { BadRequestException, PayloadTooLargeException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError } from '@cluster/domain';
import { classifyError } from './error-classifier';

describe('classifyError', () => {
  it('maps domain errors with their field errors', () => {
    const c = classifyError(new DomainError('VALIDATION_FAILED', 'bad', [{ field: 'x', messages: ['x is bad'] }]));
    expect(c).toEqual({ status: 400, code: 'VALIDATION_FAILED', message: 'bad', fieldErrors: [{ field: 'x', messages: ['x is bad'] }], unexpected: false });
  });

  it('maps a refused workflow update by its failure type', () => {
    const failure = ApplicationFailure.create({ type: 'STAGE_CONFLICT', message: 'not in this stage', nonRetryable: true });
    const c = classifyError(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    expect(c).toMatchObject({ status: 409, code: 'STAGE_CONFLICT', message: 'not in this stage' });
  });

  it('answers a command that failed on a bug with 500 and its readable message, Dutch first, without the cause', () => {
    const bug = new RangeError('Not an ISO date (YYYY-MM-DD): 2027-02-30');
    const failure = ApplicationFailure.create({ type: 'INTERNAL_ERROR', message: 'De opdracht kon niet worden uitgevoerd. / The command could not be carried out.', nonRetryable: true, cause: bug });
    const c = classifyError(new WorkflowUpdateFailedError('Workflow Update failed', failure));
    expect(c).toEqual({ status: 500, code: 'INTERNAL_ERROR', message: 'De opdracht kon niet worden uitgevoerd. / The command could not be carried out.', unexpected: false });
  });

  it('maps database outages to 503 and unique violations to 409', () => {
    expect(classifyError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' })).toMatchObject({ status: 503 });
    // Seen when PostgreSQL stops between the two queries of getManyAndCount (tests/faults/database-outage).
    const released = Object.assign(new Error('Query runner already released. Cannot run queries anymore.'), { name: 'QueryRunnerAlreadyReleasedError' });
    expect(classifyError(released)).toMatchObject({ status: 503, code: 'DEPENDENCY_UNAVAILABLE' });
    expect(classifyError(new Error('Client has encountered a connection error and is not queryable'))).toMatchObject({ status: 503 });
    expect(classifyError({ driverError: { code: '23505' }, message: 'duplicate key' })).toMatchObject({ status: 409, code: 'CONFLICT' });
  });

  it('keeps 4xx HTTP exceptions and body-parser errors', () => {
    expect(classifyError(new BadRequestException('nope'))).toMatchObject({ status: 400, message: 'nope', unexpected: false });
    expect(classifyError(Object.assign(new Error('too big'), { status: 413, type: 'entity.too.large' }))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it("maps multer's errors: a file over the limit is 413, other limits 400", () => {
    const multerError = (code: string, message: string) => Object.assign(new Error(message), { name: 'MulterError', code, field: 'file' });
    expect(classifyError(multerError('LIMIT_FILE_SIZE', 'File too large'))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', unexpected: false });
    expect(classifyError(multerError('LIMIT_UNEXPECTED_FILE', 'Unexpected field'))).toMatchObject({ status: 400, code: 'BAD_REQUEST', unexpected: false });
    expect(classifyError(new PayloadTooLargeException('File too large'))).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', unexpected: false });
  });

  it('hides the details of anything unexpected', () => {
    const c = classifyError(new TypeError('cannot read properties of undefined (secret internals)'));
    expect(c).toMatchObject({ status: 500, code: 'INTERNAL_ERROR', unexpected: true });
    expect(c.message).not.toContain('secret');
    expect(c.message).toMatch(/^Er liep onverwacht iets mis.* \/ An unexpected error occurred/);
  });
});
