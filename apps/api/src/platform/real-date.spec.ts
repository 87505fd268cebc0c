import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';
import { AppModule } from '../app.module';
import { toFieldErrors } from './validation';
import { IsRealDate, type DateKind } from './real-date';
import type { Language } from './i18n/language';

type ValidationMetadata = ReturnType<ReturnType<typeof getMetadataStorage>['getTargetValidationMetadatas']>[number];

function problems(kind: DateKind, value: unknown, each = false, language: Language = 'nl') {
  class Probe {
    @IsRealDate(kind, { each }) dueDate!: unknown;
  }
  return toFieldErrors(validateSync(plainToInstance(Probe, { dueDate: value })), language);
}

describe('IsRealDate', () => {
  it('refuses 30 February, naming the field, in Dutch (or English when asked)', () => {
    expect(problems('date', '2027-02-30')).toEqual([{ field: 'dueDate', messages: ['Dit veld moet een bestaande kalenderdag (JJJJ-MM-DD), bv. 2027-06-30 zijn.'] }]);
    expect(problems('date', '2027-02-30', false, 'en')).toEqual([{ field: 'dueDate', messages: ['This field must be a real calendar date (YYYY-MM-DD), e.g. 2027-06-30.'] }]);
    expect(problems('date', '2028-02-29')).toEqual([]);
  });

  it('checks each date of an array', () => {
    expect(problems('date', ['2027-12-24', '2027-02-29'], true, 'en')).toEqual([{ field: 'dueDate', messages: [expect.stringMatching(/^Each value must be a real calendar date/)] }]);
    expect(problems('date', ['2027-12-24'], true)).toEqual([]);
  });

  it('takes moments with a zone only, and real ones', () => {
    expect(problems('date-time', '2026-03-01T12:00:00Z')).toEqual([]);
    for (const bad of ['2026-02-30T10:00:00Z', '2026-03-01T12:00:00', '2026-03-01', '2026-W09-1']) {
      expect(problems('date-time', bad)).toEqual([{ field: 'dueDate', messages: [expect.stringMatching(/^Dit veld moet een bestaand tijdstip in ISO 8601 met een tijdzone/)] }]);
    }
  });

  it('takes a day or a moment where either is meant, but not a week or an ordinal day', () => {
    for (const good of ['2026-03-01', '2026-03-01T12:00:00+01:00']) expect(problems('date-or-date-time', good)).toEqual([]);
    for (const bad of ['2026-02-30', '2026-02-30T10:00:00Z', '2026-W09-1', '2026-060', 'yesterday']) expect(problems('date-or-date-time', bad)).toHaveLength(1);
  });
});

/**
 * Every date field of every request validates with IsRealDate, so a new one cannot fall back on a
 * pattern that lets 30 February through. The module graph loads every controller and DTO.
 */
describe('the date fields of every request', () => {
  const all = () => {
    expect(AppModule).toBeDefined();
    return [...((getMetadataStorage() as unknown as { validationMetadatas: Map<unknown, ValidationMetadata[]> }).validationMetadatas.values())].flat();
  };
  const owner = (m: ValidationMetadata) => `${(m.target as { name?: string }).name}.${m.propertyName}`;
  const DATE_NAME = /^(from|to|at|asOf)$|Date$|Holidays$/;

  it('use IsRealDate and nothing weaker', () => {
    const metas = all().filter((m) => m.target !== Object);
    const dateFields = [...new Set(metas.filter((m) => DATE_NAME.test(m.propertyName) && m.name !== 'isRealDate').map(owner))];
    const withRealDate = new Set(metas.filter((m) => m.name === 'isRealDate').map(owner));
    expect(dateFields.filter((f) => !withRealDate.has(f))).toEqual([]);
    const weaker = metas.filter((m) => ['isDateString', 'isISO8601', 'isDate'].includes(m.name ?? '') || (m.name === 'matches' && /\\d\{4\}-/.test(String(m.constraints?.[0]))));
    expect(weaker.map(owner)).toEqual([]);
    // The fields this rule is about, found (so the filter above cannot quietly match nothing).
    expect([...withRealDate].sort()).toEqual(
      expect.arrayContaining(['ActionDto.dueDate', 'MilestonePlanDto.dueDate', 'NewDueDateDto.dueDate', 'MilestoneDto.dueDate', 'SuspensionDto.from', 'SuspensionDto.to', 'PolicyDocumentDto.extraHolidays', 'AuditFilterQueryDto.from', 'AuditFilterQueryDto.to', 'CaseAsOfQueryDto.asOf', 'AsOfAtQueryDto.at']),
    );
  });
});
