/**
 * How override text is read (src/model/overrides.ts parseValue) and echoed (src/model/errors.ts): a comma only
 * separates thousands, and a message never repeats more than 80 characters of what the user typed.
 */
import { buildModel, ModelError, type OverrideValue } from '../../src/model';

function errorOf(overrides: Record<string, OverrideValue>): ModelError {
  try {
    buildModel({ overrides });
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error(`no error for ${JSON.stringify(overrides)}`);
}

describe('a comma in a value', () => {
  it.each([
    ['1,234.5', '1234.5'],
    ['12,345,678', '12345678'],
    ['-1,234', '-1234'],
    ['1,234%', '12.34'],
    [' 1,000 ', '1000'],
  ])('%p separates thousands: %s', (text, expected) => {
    const cash = buildModel({ overrides: { 'cash.2025A': text } }).assumptions.inputs.cash['2025A']!;
    expect(cash.toString()).toBe(expected);
  });

  it.each([
    ['13,03', '13.03'],
    ['1,2', '1.2'],
    [',5', '.5'],
    ['1234,567', '1234.567'],
  ])('%p is not a thousands separator: an error that says to use a point (%s)', (text, withPoint) => {
    const error = errorOf({ price: text });
    expect(error.code).toBe('INVALID_VALUE');
    expect(error.subject).toBe('price');
    expect(error.message).toContain(`"${text}"`);
    expect(error.message).toContain('use a point for decimals');
    expect(error.message).toContain(`(${withPoint})`);
  });

  it.each(['1,234,5', '12,34.5', '1,,234', '1,234.5,6', '1.234,5'])(
    '%p is an error too, without a guess',
    (text) => {
      const error = errorOf({ price: text });
      expect(error.code).toBe('INVALID_VALUE');
      expect(error.message).toContain('use a point for decimals;');
    },
  );
});

describe('echoed values', () => {
  it('cuts a 1 MB value to 80 characters in the message', () => {
    const huge = `1${'x'.repeat(1 << 20)}`;
    const error = errorOf({ wacc: huge });
    expect(error.message).toContain(`"1${'x'.repeat(78)}…"`);
    expect(error.message.length).toBeLessThan(300);
  });

  it('cuts a 1 MB id, period or scenario as well', () => {
    const long = 'y'.repeat(1 << 20);
    expect(errorOf({ [long]: 1 }).message.length).toBeLessThan(400);
    expect(errorOf({ [`revenueGrowth.${long}`]: 'abc' }).message.length).toBeLessThan(400);
    expect(() => buildModel({ scenario: long })).toThrow(/^Unknown scenario "y{79}…"/);
  });

  it('leaves values of 80 characters whole', () => {
    const text = `0.${'1'.repeat(77)}x`;
    expect(text).toHaveLength(80);
    expect(errorOf({ wacc: text }).message).toContain(`"${text}"`);
    expect(errorOf({ wacc: `${text}y` }).message).toContain(`"${text.slice(0, 79)}…"`);
  });
});
