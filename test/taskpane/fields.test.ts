/**
 * The pane's fields (issue 11): one precision per kind of field ("3.00%" beside "30.84%", "0.65x"), the long-run
 * capital intensity as a multiple in its own unit, and every validation message in the user's words: the field's
 * label, percentages and multiples, never an id or a fraction. Expected texts are written out here, from the
 * drivers' documented ranges; values come from the engine.
 */
import { assumptionsFor, Decimal, findDriver } from '../../src/model';
import { readAssumption } from '../../src/model/assumptions';
import {
  allowedFor,
  fieldValue,
  formatFieldValue,
  KEY_FIELDS,
  unitText,
  validateField,
  type KeyField,
} from '../../src/taskpane/fields';
import { notInUserWords } from '../support/userWords';

const field = (key: string): KeyField => {
  const found = KEY_FIELDS.find((f) => f.key === key);
  if (!found) throw new Error(`no field ${key}`);
  return found;
};

describe('precision: one per kind of field', () => {
  it('shows every percentage with two decimals and the multiple as "0.65x"', () => {
    const shown = Object.fromEntries(
      KEY_FIELDS.map((f) => [f.key, formatFieldValue(f, fieldValue(f, 'base', {}))]),
    );
    expect(shown.wacc).toBe('10.30%');
    expect(shown.terminalGrowth).toBe('3.00%'); // was "3%" beside "30.84%"
    expect(shown['revenueGrowth.2026E']).toMatch(/^\d+\.\d\d%$/);
    expect(shown.cashCogsRatioTerminal).toBe('50.00%');
    expect(shown.fixedAssetIntensityTerminal).toBe('0.65x'); // the base is 0.653
    for (const f of KEY_FIELDS)
      expect(shown[f.key]).toMatch(f.driver.unit === 'pct' ? /^-?\d+\.\d\d%$/ : /^\d+\.\d\dx$/);
  });

  it('has both kinds among its key fields: cash COGS / revenue (percentages) and the long-run capital intensity', () => {
    expect(KEY_FIELDS.filter((f) => f.driver.id === 'cashCogsRatio').map((f) => f.period)).toEqual([
      '2026E',
      '2027E',
      '2028E',
    ]);
    expect(field('cashCogsRatioTerminal').driver.unit).toBe('pct');
    expect(field('fixedAssetIntensityTerminal').driver.unit).toBe('multiple');
  });

  it('rounds half up, as the model does, and keeps negative values', () => {
    const growth = field('revenueGrowth.2027E');
    expect(formatFieldValue(growth, new Decimal('0.123456'))).toBe('12.35%');
    expect(formatFieldValue(growth, new Decimal('-0.0525'))).toBe('-5.25%');
    expect(formatFieldValue(growth, new Decimal('0.00005'))).toBe('0.01%');
    expect(formatFieldValue(field('fixedAssetIntensityTerminal'), new Decimal('1.425'))).toBe('1.43x');
  });

  it('reads its value from the scenario and the pane overrides, as the model does', () => {
    const f = field('fixedAssetIntensityTerminal');
    const bull = readAssumption(assumptionsFor({ scenario: 'bull' }), f.driver.id)!;
    expect(fieldValue(f, 'bull', {}).equals(bull)).toBe(true);
    expect(fieldValue(f, 'bull', { fixedAssetIntensityTerminal: '0.9' }).toString()).toBe('0.9');
  });
});

describe('validation messages: labels, percentages and multiples', () => {
  const message = (key: string, text: string, overrides: Record<string, string> = {}) => {
    const result = validateField(field(key), text, 'base', overrides);
    if (result.ok) throw new Error(`"${text}" in ${key} was accepted`);
    return result.message;
  };

  it.each([
    ['wacc', '', 'WACC needs a value; allowed: 1.0% to 50.0%.'],
    [
      'wacc',
      '=A1',
      'WACC takes a number such as 10.3%, not a formula: the pane writes numbers, never formulas.',
    ],
    ['wacc', '60%', 'WACC: 60.0% is outside the allowed range 1.0% to 50.0%.'],
    ['wacc', 'ten', 'WACC: "ten" is not a number; allowed: 1.0% to 50.0%.'],
    [
      'wacc',
      '2%',
      'WACC (2.0%) must be above terminal growth (3.0%); the Gordon growth terminal value is undefined otherwise.',
    ],
    [
      'revenueGrowth.2027E',
      '-150%',
      'Revenue growth 12/27E: -150.0% is outside the allowed range -100.0% to 100.0%.',
    ],
    ['cashCogsRatio.2026E', '', 'Cash COGS / revenue 12/26E needs a value; allowed: 0.0% to 200.0%.'],
    [
      'fixedAssetIntensityTerminal',
      '',
      'Net fixed assets / revenue, long run needs a value; allowed: 0x to 10x.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '10.5x',
      'Net fixed assets / revenue, long run: 10.5x is outside the allowed range 0x to 10x.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '-0.1',
      'Net fixed assets / revenue, long run: -0.1x is outside the allowed range 0x to 10x.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '65%',
      'Net fixed assets / revenue, long run is a multiple such as 0.65x, not a percentage.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '=C3',
      'Net fixed assets / revenue, long run takes a number such as 0.65x, not a formula: the pane writes numbers, never formulas.',
    ],
  ])('%s = "%s": %s', (key, text, expected) => {
    const shown = message(key, text);
    expect(shown).toBe(expected);
    expect(notInUserWords(shown)).toBeNull();
  });

  it('names terminal growth from its own field as well', () => {
    expect(message('terminalGrowth', '11%', { wacc: '0.1' })).toBe(
      'WACC (10.0%) must be above terminal growth (11.0%); the Gordon growth terminal value is undefined otherwise.',
    );
  });

  it('states the range of every key field in its unit', () => {
    for (const f of KEY_FIELDS) {
      const allowed = allowedFor(f.driver);
      expect(allowed).toMatch(f.driver.unit === 'pct' ? /^-?\d+\.\d+% to \d+\.\d+%$/ : /^\d+x to \d+x$/);
      expect(message(f.key, '')).toBe(`${f.label} needs a value; allowed: ${allowed}.`);
    }
  });

  it('finds no message of any key field with an id or a fraction, whatever is typed', () => {
    const typed = ['', 'abc', '=1', '1e9', '-5', '0.001', '99%', '13,03', '1,2', '0.5x', '2x%'];
    for (const f of KEY_FIELDS)
      for (const t of typed) {
        const result = validateField(f, t, 'base', {});
        if (!result.ok) expect([f.key, t, notInUserWords(result.message)]).toEqual([f.key, t, null]);
      }
  });
});

describe('a multiple is typed in its unit', () => {
  it.each(['0.7x', '0.7X', '0.7 x', '0.7×', '0.7'])('accepts "%s" as 0.7', (text) => {
    const result = validateField(field('fixedAssetIntensityTerminal'), text, 'base', {});
    expect(result.ok && result.value.toString()).toBe('0.7');
  });

  it('shows a value in a message in the unit of its driver', () => {
    expect(unitText(findDriver('fixedAssetIntensityTerminal')!, new Decimal('0.653'))).toBe('0.653x');
    expect(unitText(findDriver('wacc')!, new Decimal('0.02'))).toBe('2.0%');
  });
});
