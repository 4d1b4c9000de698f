import { UsageError } from '../../src/cli/errors';
import { describePeriods, parseYears, STATEMENT_PERIODS } from '../../src/cli/years';

describe('--years', () => {
  it.each([
    ['all', [...STATEMENT_PERIODS]],
    ['note', ['2025A', '2026E', '2027E', '2028E']],
    ['2027', ['2027E']],
    ['FY27', ['2027E']],
    ['12/27E', ['2027E']],
    ['2025A', ['2025A']],
    ['2026-2030', ['2026E', '2027E', '2028E', '2029E', '2030E']],
    ['12/33E-12/35E', ['2033E', '2034E', '2035E']],
    [' 2035 , 2025 ', ['2025A', '2035E']],
    ['2030,2026-2027,2027', ['2026E', '2027E', '2030E']],
  ])('%p is %j', (text, periods) => {
    expect(parseYears(text)).toEqual(periods);
  });

  it.each(['2024', '2036', '2027A', 'later', '', '2026-', '-2026', '2026-2027-2028', '2030-2026', ','])(
    '%p is an error',
    (text) => {
      expect(() => parseYears(text)).toThrow(UsageError);
    },
  );

  it("describes the years in the note's headings", () => {
    expect(describePeriods(['2025A', '2026E', '2027E', '2028E'])).toBe('12/25-12/28E');
    expect(describePeriods(['2026E', '2030E'])).toBe('12/26E, 12/30E');
    expect(describePeriods(['2027E'])).toBe('12/27E');
  });
});
