/**
 * The one mapping from model errors to Excel errors (errors.ts), and the wording: what a model message says about
 * the command line is dropped, and Excel users are pointed to what they have (the Assumptions sheet, KC.STATEMENT).
 */
import {
  ASSUMPTION_IDS_HINT,
  excelErrorKind,
  fromModelError,
  FunctionError,
  LINE_LABELS_HINT,
  toExcelError,
  withoutCommandLine,
  type ExcelErrorKind,
} from '../../src/functions/errors';
import * as model from '../../src/model';

describe('error mapping', () => {
  it('maps every model error code to #N/A, #NUM! or #VALUE!', () => {
    const codes: Record<model.ModelErrorCode, ExcelErrorKind> = {
      UNKNOWN_PERIOD: 'notAvailable',
      NOT_AVAILABLE: 'notAvailable',
      NO_SOLUTION: 'notAvailable',
      WACC_NOT_ABOVE_GROWTH: 'num',
      NUMERIC: 'num',
      UNKNOWN_ASSUMPTION: 'value',
      UNKNOWN_DRIVER: 'value',
      INVALID_VALUE: 'value',
      OUT_OF_RANGE: 'value',
      UNKNOWN_LINE: 'value',
      UNKNOWN_SCENARIO: 'value',
      BAD_CASE: 'value',
    };
    for (const [code, kind] of Object.entries(codes))
      expect(excelErrorKind(code as model.ModelErrorCode)).toBe(kind);
  });

  it('blames a model error on the argument given, keeps its kind and adds where to look', () => {
    const unknown = fromModelError(
      new model.ModelError('UNKNOWN_ASSUMPTION', 'x', 'Unknown assumption "x".'),
      'assumptions',
    );
    expect(unknown).toEqual(
      new FunctionError(
        'value',
        'assumptions',
        `assumptions: Unknown assumption "x". ${ASSUMPTION_IDS_HINT}`,
      ),
    );
    const line = fromModelError(new model.ModelError('UNKNOWN_LINE', 'y', 'Unknown line "y".'), 'item');
    expect(line.message).toBe(`item: Unknown line "y". ${LINE_LABELS_HINT}`);
    const period = fromModelError(
      new model.ModelError('UNKNOWN_PERIOD', '2040', 'Period 2040 is out.'),
      'period',
    );
    expect([period.kind, period.message]).toEqual(['notAvailable', 'period: Period 2040 is out.']);
  });

  it('turns anything else thrown into #VALUE! naming the function', () => {
    const made = (kind: ExcelErrorKind, message: string) => ({ kind, message });
    expect(toExcelError(new TypeError('x is undefined'), 'KC.LINE', made)).toEqual({
      kind: 'value',
      message: 'KC.LINE failed: x is undefined',
    });
    expect(toExcelError('text', 'KC.LINE', made)).toEqual({ kind: 'value', message: 'KC.LINE failed: text' });
    expect(
      toExcelError(new model.ModelError('NUMERIC', 'x', 'Line "x" divides by zero.'), 'KC.DCF', made),
    ).toEqual({ kind: 'num', message: 'KC.DCF: Line "x" divides by zero.' });
  });
});

describe('Excel words', () => {
  it('drops the sentences and parentheses of a model message that point to the command line', () => {
    expect(
      withoutCommandLine(
        'Unknown assumption "waccc". Did you mean "wacc"? Assumption ids are listed by kc-model assumptions.',
      ),
    ).toBe('Unknown assumption "waccc". Did you mean "wacc"?');
    expect(
      withoutCommandLine(`Unknown line "x": use a line id or the note's label (see kc-model statements).`),
    ).toBe(`Unknown line "x": use a line id or the note's label.`);
    // A dot inside an id is not the end of a sentence.
    expect(withoutCommandLine('Unknown assumption "revenueGrowth.2040E". Run kc-model assumptions.')).toBe(
      'Unknown assumption "revenueGrowth.2040E".',
    );
    const plain = 'WACC: 90.0% is outside the allowed range 1.0% to 50.0%.';
    expect(withoutCommandLine(plain)).toBe(plain);
  });

  it('every model error, as the functions word it, leaves out the command line', () => {
    const cases = [
      () => model.buildModel({ overrides: { waccc: 0.1 } }),
      () => model.buildModel({ overrides: { 'revenueGrowth.2040E': 0.1 } }),
      () => model.buildModel({ overrides: { revenue: 1 } }),
      () => model.buildModel({ overrides: { wacc: 'high' } }),
      () => model.buildModel({ overrides: { wacc: 0.9 } }),
      () => model.buildModel({ overrides: { wacc: 0.02, terminalGrowth: 0.03 } }),
      () => model.buildModel({ scenario: 'bullish' }),
      () => model.buildModel().value('ebitdaa', 2027),
      () => model.buildModel().value('Minority interest', 2027),
      () => model.buildModel().value('revenue', 2040),
      () => model.buildModel().value('aiRevenue', 2024),
    ];
    for (const call of cases) {
      let caught: unknown;
      try {
        call();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(model.ModelError);
      const { message } = fromModelError(caught as model.ModelError, 'x');
      expect(message).not.toMatch(/kc-model|--set|command line/i);
      expect(message.length).toBeGreaterThan('x: '.length + 10);
    }
  });
});
