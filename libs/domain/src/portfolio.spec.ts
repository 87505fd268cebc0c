import { CASE_STAGES } from './stages';
import { euroDecimal, leverageRatio, portfolioFilterProblems, stageCounts } from './portfolio';

describe('portfolio rules', () => {
  it('writes cents as euro with a decimal comma, exactly, beyond float precision too', () => {
    expect(euroDecimal(0)).toBe('0,00');
    expect(euroDecimal(5)).toBe('0,05');
    expect(euroDecimal(123_456_789)).toBe('1234567,89');
    expect(euroDecimal(-1_005)).toBe('-10,05');
    expect(euroDecimal(Number.MAX_SAFE_INTEGER)).toBe('90071992547409,91');
    expect(euroDecimal(12_345_678_901_234_567_89n)).toBe('12345678901234567,89');
  });

  it('lists every stage in process order, with zeros', () => {
    const counts = stageCounts(new Map([['closed', 2], ['advice', 3]]));
    expect(counts.map((c) => c.stage)).toEqual([...CASE_STAGES]);
    expect(counts.find((c) => c.stage === 'advice')!.count).toBe(3);
    expect(counts.filter((c) => c.count === 0)).toHaveLength(CASE_STAGES.length - 2);
  });

  it('gives a leverage ratio only where something is earmarked', () => {
    expect(leverageRatio(150, 100)).toBe(1.5);
    expect(leverageRatio(1, 3)).toBe(0.33);
    expect(leverageRatio(100, 0)).toBeNull();
  });

  it('names the year when it is out of range', () => {
    expect(portfolioFilterProblems({ year: 1999 })).toEqual([{ field: 'year', messages: [expect.stringContaining('2000')] }]);
    expect(portfolioFilterProblems({ year: 2026, stage: 'advice' })).toEqual([]);
  });
});
