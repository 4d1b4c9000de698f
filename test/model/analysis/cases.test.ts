/** Cases as text: a scenario then ID=VALUE overrides. */
import { caseText, ModelError, parseCase } from '../../../src/model';

describe('parseCase', () => {
  it('reads a scenario and overrides separated by spaces, case-insensitive scenario, last value wins', () => {
    expect(parseCase('bear')).toEqual({ scenario: 'bear', overrides: {} });
    expect(parseCase('  Base   wacc=11%  revenueGrowth.2027E=0.2 wacc=0.12 ')).toEqual({
      scenario: 'base',
      overrides: { 'revenueGrowth.2027E': '0.2', wacc: '0.12' },
    });
  });

  it('takes overrides alone as the base case', () => {
    expect(parseCase('wacc=11%')).toEqual({ scenario: 'base', overrides: { wacc: '11%' } });
  });

  it.each([
    ['', /Case "": it is empty/],
    ['bearr', /"bearr" is not a scenario; a case starts with one of base, bull, bear/],
    ['bear wacc', /"wacc" is not an override; after the scenario each word is ID=VALUE/],
    ['bear =0.1', /"=0.1" is not an override/],
  ])('refuses %j with a BAD_CASE error', (text, message) => {
    expect(() => parseCase(text)).toThrow(ModelError);
    expect(() => parseCase(text)).toThrow(message);
    try {
      parseCase(text);
    } catch (error) {
      expect((error as ModelError).code).toBe('BAD_CASE');
    }
  });

  it('writes a case back as text', () => {
    expect(caseText({ scenario: 'Bear', overrides: { wacc: '11%' } })).toBe('bear wacc=11%');
    expect(caseText({})).toBe('base');
  });
});
