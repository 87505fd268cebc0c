import type { ValidationError } from '@nestjs/common';
import { toFieldErrors } from './validation';

describe('toFieldErrors', () => {
  it('flattens nested errors into dotted field paths', () => {
    const errors = [
      { property: 'clusterName', constraints: { isString: 'clusterName must be a string' }, children: [] },
      {
        property: 'milestones',
        children: [{ property: '0', children: [{ property: 'dueDate', constraints: { isDateString: 'dueDate must be a date' }, children: [] }] }],
      },
    ] as unknown as ValidationError[];
    expect(toFieldErrors(errors)).toEqual([
      { field: 'clusterName', messages: ['clusterName must be a string'] },
      { field: 'milestones.0.dueDate', messages: ['dueDate must be a date'] },
    ]);
  });
});
