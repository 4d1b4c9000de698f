/**
 * The runner (kc.ts) over the catalogue, under an error factory that keeps every message (the real one drops #NUM!
 * messages, which Excel cannot show): the #NUM! messages, a one-cell error thrown and error cells kept in a spill,
 * inputs that are not ranges, and the catch-all for unexpected failures.
 */
import * as model from '../../src/model';
import type { ExcelErrorKind } from '../../src/functions/errors';
import { createKcFunctions } from '../../src/functions/kc';

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
  it('names the arguments in #NUM! messages', () => {
    expect(made(() => kc.dcf(0.03, 0.03))).toEqual(
      new Made(
        'num',
        expect.stringMatching(/^wacc, terminal_growth: WACC \(3.0%\) must be above terminal growth \(3.0%\)/),
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
      new Made(
        'num',
        expect.stringMatching(/^assumptions: WACC \(2.0%\) must be above terminal growth \(3.0%\)/),
      ),
    );
    const [[cell]] = kc.dcf([[0.02, 0.1]], 0.03);
    expect(cell).toEqual(new Made('num', expect.stringMatching(/^wacc, terminal_growth: /)));
  });

  it('turns an unexpected failure into #VALUE! naming the function, never an unhandled exception', () => {
    const boom = () => {
      throw new RangeError('boom');
    };
    const spies = [
      jest.spyOn(model, 'buildModel').mockImplementation(boom),
      jest.spyOn(model, 'sensitivityGrid').mockImplementation(boom),
    ];
    try {
      expect(made(() => kc.revenue(2027))).toEqual(new Made('value', 'KC.REVENUE failed: boom'));
      expect(made(() => kc.statement('IS'))).toEqual(new Made('value', 'KC.STATEMENT failed: boom'));
      expect(made(() => kc.dcf([[0.1, 0.11]])).message).toBe('KC.DCF failed: boom');
    } finally {
      for (const spy of spies) spy.mockRestore();
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
      new Made('value', expect.stringMatching(/^segment: 3 is not a segment; use "total", "AI-related"/)),
    );
    expect(made(() => kc.revenue(2027, null, 3))).toEqual(
      new Made(
        'value',
        expect.stringMatching(
          /^scenario: 3 is not a scenario; use "base", "bull", "bear" \(default "base"\)/,
        ),
      ),
    );
    expect(made(() => kc.line(3, 2027))).toEqual(
      new Made('value', expect.stringMatching(/^item: 3 is required as text/)),
    );
    expect(made(() => kc.statement(true))).toEqual(
      new Made('value', expect.stringMatching(/^name: TRUE is not a statement name/)),
    );
  });
});

describe('errors and spills, in one place', () => {
  it('throws the error of a one-cell result, and keeps each error in its cell of a spill', () => {
    const single = made(() => kc.revenue(2040));
    expect(single.kind).toBe('notAvailable');
    const [row] = kc.revenue([[2027, 2040, 'abc', '']]);
    expect(typeof row[0]).toBe('number');
    expect(row[1]).toEqual(new Made('notAvailable', expect.stringMatching(/^period: /)));
    expect(row[2]).toEqual(new Made('value', expect.stringMatching(/^period: "abc" is not a period/)));
    expect(row[3]).toBe('');
    // Errors that are not about a cell fail the whole call, spill or not.
    expect(made(() => kc.revenue([[2027, 2028]], 'cloud')).kind).toBe('value');
    expect(made(() => kc.dcf([[0.1, 0.11]], 0.03, null, null, [['nope', 1]])).message).toMatch(
      /^assumptions: Unknown assumption "nope"/,
    );
  });

  it('makes an Excel error only for error cells: numbers and text pass through untouched', () => {
    const calls: string[] = [];
    const counting = createKcFunctions((kind, message) => {
      calls.push(`${kind}: ${message}`);
      return new Made(kind, message);
    });
    counting.statement('Income Statement');
    counting.revenue([[2026, 2027, 2028]]);
    expect(calls).toEqual([]);
    counting.revenue([[2026, 2040]]);
    expect(calls).toHaveLength(1);
  });
});
