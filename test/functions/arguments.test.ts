/**
 * The argument parsers (arguments.ts): the assumptions range (ids checked against the model's own indexes, so no
 * prototype key slips through), periods read with the model's period syntax, KC.DCF's axes and their size cap, and
 * the named options.
 */
import {
  chooser,
  MAX_GRID_AXIS,
  parseAssumptions,
  parseGrowths,
  parsePeriods,
  parseScenario,
  parseWaccs,
} from '../../src/functions/arguments';
import { FunctionError } from '../../src/functions/errors';
import { DRIVERS, readPeriodText, SCENARIO_NAMES } from '../../src/model';

/** The error a parser throws, or fails. */
function thrown(fn: () => unknown): FunctionError {
  try {
    fn();
  } catch (error) {
    if (error instanceof FunctionError) return error;
    throw error;
  }
  throw new Error('expected a FunctionError');
}

describe('parseAssumptions: the range', () => {
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

describe('parseAssumptions: ids', () => {
  it('takes every driver id of the model, with or without a period, and line inputs', () => {
    const range = DRIVERS.map((d) => [d.id, 1]);
    expect(Object.keys(parseAssumptions(range))).toEqual(DRIVERS.map((d) => d.id));
    expect(
      parseAssumptions([
        ['revenueGrowth.2027E', 0.2],
        ['cash.2025A', 100],
      ]),
    ).toEqual({
      'revenueGrowth.2027E': 0.2,
      'cash.2025A': 100,
    });
  });

  it('refuses a prototype key, or any id that names no driver or line, as an unknown assumption', () => {
    for (const id of [
      '__proto__',
      'constructor',
      'prototype',
      'toString',
      'hasOwnProperty',
      'valueOf.length',
      '__defineGetter__',
      'constructor.prototype',
      ' __proto__ ',
    ]) {
      const error = thrown(() => parseAssumptions([[id, 0.1]]));
      expect([error.kind, error.argument]).toEqual(['value', 'assumptions']);
      expect(error.message).toContain(`Unknown assumption "${id.trim()}"`);
    }
  });

  it('returns overrides without a prototype: an id is an own key or absent', () => {
    const overrides = parseAssumptions([['wacc', 0.11]]);
    expect(Object.getPrototypeOf(overrides)).toBeNull();
    expect(Object.keys(overrides)).toEqual(['wacc']);
  });

  it('suggests driver ids near an unknown one', () => {
    expect(thrown(() => parseAssumptions([['Wacc ', 0.1]])).message).toMatch(/Did you mean "wacc"\?/);
    expect(thrown(() => parseAssumptions([['xyz', 0.1]])).message).not.toMatch(/Did you mean/);
  });
});

describe('periods', () => {
  const read = (raw: unknown) => parsePeriods(raw).cells[0][0];

  it("accepts exactly what the model's period syntax accepts (#VALUE! otherwise)", () => {
    const texts = [
      '2026',
      '2026E',
      '2026e',
      'FY2026',
      'fy26',
      'FY26E',
      '12/26E',
      '12/26',
      ' 2026 ',
      '2025A',
      '2027A',
      '2040',
      '26',
      'FY026',
      '12/2026',
      '2026X',
      'Q1 26',
      'FY',
      '2026EE',
      '20260',
      '12-26',
      '',
    ];
    for (const text of texts) {
      const cell = read([[text]]);
      if (text.trim() === '') expect(cell.kind).toBe('error');
      else if (readPeriodText(text)) expect(cell).toEqual({ kind: 'value', value: text.trim() });
      else {
        expect(cell.kind).toBe('error');
        expect(cell.kind === 'error' && cell.error.message).toMatch(/^period: ".*" is not a period/);
      }
    }
  });

  it('takes whole numbers as years, and nothing else that is not text', () => {
    expect(read(2026)).toEqual({ kind: 'value', value: '2026' });
    for (const raw of [2026.5, true, -2026, 1e21]) expect(read(raw).kind).toBe('error');
  });

  it('keeps the shape of a range, blanks blank, and each bad cell its own error', () => {
    const range = parsePeriods([
      [2026, ''],
      ['x', 'FY27'],
    ]);
    expect(range.single).toBe(false);
    expect(range.cells.map((row) => row.map((c) => c.kind))).toEqual([
      ['value', 'blank'],
      ['error', 'value'],
    ]);
  });
});

describe("KC.DCF's axes", () => {
  const row = (n: number) => [Array.from({ length: n }, (_, i) => 0.08 + i * 0.001)];
  const column = (n: number) => Array.from({ length: n }, (_, i) => [0.01 + i * 0.001]);

  it(`take a single value, a row or a column of up to ${MAX_GRID_AXIS} cells`, () => {
    expect(parseWaccs(0.1).orientation).toBe('single');
    expect(parseWaccs(null).cells).toEqual([{ kind: 'value', value: undefined }]);
    expect(parseWaccs(row(MAX_GRID_AXIS)).orientation).toBe('row');
    expect(parseGrowths(column(MAX_GRID_AXIS)).orientation).toBe('column');
    expect(parseWaccs([[' 10% ', '', true]]).cells).toEqual([
      { kind: 'value', value: '10%' },
      { kind: 'blank' },
      {
        kind: 'error',
        error: expect.objectContaining({
          message: 'wacc: TRUE is not a rate; use a number such as 0.103 or text such as "10.3%".',
        }),
      },
    ]);
  });

  it(`refuse more than ${MAX_GRID_AXIS} cells, blank or not, with #VALUE! naming the argument and the cap`, () => {
    expect(thrown(() => parseWaccs(row(MAX_GRID_AXIS + 1))).message).toBe(
      `wacc: the range has ${MAX_GRID_AXIS + 1} cells; KC.DCF takes at most ${MAX_GRID_AXIS} WACCs (a grid of at most ${MAX_GRID_AXIS} x ${MAX_GRID_AXIS}).`,
    );
    expect(thrown(() => parseGrowths(column(1000))).message).toMatch(
      /^terminal_growth: the range has 1000 cells; KC.DCF takes at most 21 terminal growth rates/,
    );
    expect(thrown(() => parseWaccs([Array(30).fill('')])).kind).toBe('value');
    expect(
      thrown(() =>
        parseWaccs([
          [0.1, 0.2],
          [0.3, 0.4],
        ]),
      ).message,
    ).toMatch(/not a 2 x 2 block/);
  });
});

describe('named options', () => {
  const pick = chooser('colour', 'a colour', [
    { name: 'dark blue', aliases: ['navy'], value: 1 },
    { name: 'red', aliases: [], value: 2 },
  ]);

  it('reads names and aliases ignoring case, spaces and punctuation; blank is the first', () => {
    expect([pick('Dark-Blue'), pick(' NAVY '), pick('red'), pick(null), pick('')]).toEqual([1, 1, 2, 1, 1]);
  });

  it('lists the names (not the aliases) when the value is unknown', () => {
    expect(thrown(() => pick('green')).message).toBe(
      'colour: "green" is not a colour; use "dark blue", "red" (default "dark blue").',
    );
    const required = chooser('colour', 'a colour', [{ name: 'red', aliases: [], value: 2 }], true);
    expect(thrown(() => required(null)).message).toBe('colour: a colour is required; use "red".');
  });

  it('takes the scenarios the model has', () => {
    for (const name of SCENARIO_NAMES) expect(parseScenario(name.toUpperCase())).toBe(name);
    expect(parseScenario(null)).toBe('base');
  });
});
