/**
 * The pure adapters under an error factory that keeps every message (the real one drops #NUM! messages, which Excel
 * cannot show): error-code mapping, the #NUM! messages, inputs that are not ranges, the assumptions reader and the
 * catch-all for unexpected failures.
 */
import * as model from '../../src/model';
import {
  createKcFunctions,
  excelErrorKind,
  parseAssumptions,
  type ExcelErrorKind,
} from '../../src/functions/adapters';

class Made {
  constructor(
    readonly kind: ExcelErrorKind,
    readonly message: string,
  ) {}
}

const kc = createKcFunctions((kind, message) => new Made(kind, message));

function made(fn: () => unknown): Made {
  try {
    fn();
  } catch (error) {
    if (error instanceof Made) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('error mapping', () => {
  it('maps every model error code to #N/A, #NUM! or #VALUE!', () => {
    const codes: Record<model.ModelErrorCode, ExcelErrorKind> = {
      UNKNOWN_PERIOD: 'notAvailable',
      NOT_AVAILABLE: 'notAvailable',
      WACC_NOT_ABOVE_GROWTH: 'num',
      NUMERIC: 'num',
      UNKNOWN_ASSUMPTION: 'value',
      INVALID_VALUE: 'value',
      OUT_OF_RANGE: 'value',
      UNKNOWN_LINE: 'value',
      UNKNOWN_SCENARIO: 'value',
    };
    for (const [code, kind] of Object.entries(codes))
      expect(excelErrorKind(code as model.ModelErrorCode)).toBe(kind);
  });

  it('names the arguments in #NUM! messages', () => {
    expect(made(() => kc.dcf(0.03, 0.03))).toEqual(
      new Made(
        'num',
        expect.stringMatching(/^wacc, terminal_growth: .*must be greater than "terminalGrowth"/),
      ),
    );
    expect(
      made(() =>
        kc.revenue(2027, null, null, [
          ['wacc', 0.02],
          ['terminalGrowth', 0.03],
        ]),
      ),
    ).toEqual(
      new Made('num', expect.stringMatching(/^assumptions: Assumption "wacc" \(0.02\) must be greater than/)),
    );
    const [[cell]] = kc.dcf([[0.02, 0.1]], 0.03);
    expect(cell).toEqual(new Made('num', expect.stringMatching(/^wacc, terminal_growth: /)));
  });

  it('turns an unexpected failure into #VALUE! naming the function, never an unhandled exception', () => {
    const spy = jest.spyOn(model, 'buildModel').mockImplementation(() => {
      throw new RangeError('boom');
    });
    try {
      expect(made(() => kc.revenue(2027))).toEqual(new Made('value', 'KC.REVENUE failed: boom'));
      expect(made(() => kc.statement('IS'))).toEqual(new Made('value', 'KC.STATEMENT failed: boom'));
      expect(made(() => kc.dcf([[0.1, 0.11]])).message).toBe('KC.DCF failed: boom');
    } finally {
      spy.mockRestore();
    }
  });

  it('blames a model error from the build on the assumptions, mapped by its code', () => {
    const spy = jest.spyOn(model, 'buildModel').mockImplementation(() => {
      throw new model.ModelError('NUMERIC', 'x', 'Line "x" divides by zero in 2027E.');
    });
    try {
      expect(made(() => kc.revenue(2027))).toEqual(
        new Made('num', 'assumptions: Line "x" divides by zero in 2027E.'),
      );
    } finally {
      spy.mockRestore();
    }
  });
});

describe('inputs as direct calls pass them', () => {
  it('takes a scalar or a 1-D array where Excel would pass a matrix', () => {
    const value = model.buildModel().value('revenue', 2027)!.toNumber();
    expect(kc.revenue(2027)).toEqual([[value]]);
    expect(kc.revenue([2026, 2027])[0][1]).toBe(value);
    expect(kc.revenue('2027E', undefined, undefined, undefined)).toEqual([[value]]);
  });

  it('rejects a ragged range and non-text options', () => {
    expect(made(() => kc.revenue([[2026, 2027], [2028]]))).toEqual(
      new Made('value', 'period: the range is ragged or empty.'),
    );
    expect(made(() => kc.revenue(2027, 3))).toEqual(
      new Made('value', expect.stringMatching(/^segment: 3 is not allowed/)),
    );
    expect(made(() => kc.revenue(2027, null, 3))).toEqual(
      new Made('value', expect.stringMatching(/^scenario: 3 is not a scenario; use "base", "bull", "bear"/)),
    );
    expect(made(() => kc.line(3, 2027))).toEqual(
      new Made('value', expect.stringMatching(/^item: 3 is required as text/)),
    );
    expect(made(() => kc.statement(true))).toEqual(
      new Made('value', expect.stringMatching(/^name: TRUE is not allowed/)),
    );
  });
});

describe('parseAssumptions', () => {
  it('reads ids and values, skipping blank rows and blank values, trimming ids', () => {
    expect(
      parseAssumptions([
        [' wacc ', 0.11],
        ['', ''],
        [null, null],
        ['revenueGrowth.2027E', '25%'],
        ['price', ''],
        ['   ', null],
      ]),
    ).toEqual({ wacc: 0.11, 'revenueGrowth.2027E': '25%' });
    expect(parseAssumptions(null)).toEqual({});
    expect(parseAssumptions(undefined)).toEqual({});
  });

  it('rejects what is not a two-column range of ids and values', () => {
    const message = (raw: unknown) => {
      try {
        parseAssumptions(raw);
      } catch (error) {
        return (error as Error).message;
      }
      return 'no error';
    };
    expect(message('wacc')).toMatch(/^assumptions: "wacc" is not a range; give a two-column range/);
    expect(message([])).toMatch(/is not a range/);
    expect(message([['wacc', 0.1], ['price']])).toMatch(/^assumptions: the range has 2 columns/);
    expect(message([['wacc', { x: 1 }]])).toMatch(
      /^assumptions: row 1 \("wacc"\): \[object Object\] is not a value/,
    );
  });
});
