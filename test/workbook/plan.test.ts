/** The plan's shape: sheets, conventions, formulas only where the model computes, and no constants in formulas. */
import { defaultGridAxes, LINES, PERIODS, sensitivityGrid } from '../../src/model';
import { definitionFor } from '../../src/model/registry';
import { buildPlan, colLetter, FIRST_PERIOD_COL, type PlanCell } from '../../src/workbook/plan';
import { NOTE_ROWS } from '../fixtures/note';
import { PUBLISHED_ROWS } from '../../src/workbook/publishedFigures';

const plan = buildPlan({ date: '2026-05-28', version: 'kc-model test' });
const cells = plan.sheets.flatMap((s) => s.cells.map((c) => ({ ...c, sheet: s.name })));
const formulas = cells.filter(
  (c): c is PlanCell & { sheet: string; formula: string } => c.formula !== undefined,
);

describe('the workbook plan', () => {
  it('has the sheets in order', () => {
    expect(plan.sheets.map((s) => s.name)).toEqual([
      'Summary',
      'Assumptions',
      'Income Statement',
      'Balance Sheet',
      'Cash Flow',
      'Schedules',
      'Ratios',
      'DCF',
      'Valuation',
      'Checks',
      'Charts',
    ]);
  });

  it('places every line once, with a formula in every period the line has a computed value, an input cell otherwise', () => {
    for (const def of LINES) {
      const homes = plan.anchors.lines[def.id];
      expect(homes).toBeDefined();
      if (def.scalar) {
        expect(homes[-1]).toBeDefined();
        continue;
      }
      for (const p of PERIODS) {
        const expr = definitionFor(def, p);
        const address = homes[p.index];
        if (!expr) {
          expect(address).toBeUndefined();
          continue;
        }
        const cell = cells.find(
          (c) => c.sheet === address.sheet && c.row === address.row && c.col === address.col,
        )!;
        if (expr.k === 'input') {
          expect(cell.style).toBe('input');
          expect(cell.formula).toBeUndefined();
        } else {
          expect(cell.formula).toBeDefined();
        }
      }
    }
  });

  it('uses no functions outside what Excel and LibreOffice both evaluate, and no array formulas', () => {
    const used = new Set(formulas.flatMap((c) => [...c.formula.matchAll(/([A-Z]+)\(/g)].map((m) => m[1])));
    const allowed = [
      'IF',
      'OR',
      'AND',
      'ISTEXT',
      'ABS',
      'MAX',
      'MIN',
      'ROUND',
      'SUM',
      'COUNT',
      'COLUMNS',
      'CHOOSE',
      'COUNTIF',
    ];
    expect([...used].filter((f) => !allowed.includes(f))).toEqual([]);
    expect(formulas.filter((c) => c.formula.includes('{'))).toEqual([]);
  });

  it('puts no constants in formulas: only the structural 0, 1, 2 (and 10 for a rounding unit)', () => {
    const numbers = formulas.flatMap((c) => {
      const stripped = c.formula
        .replace(/"[^"]*"/g, '')
        .replace(/'[^']*'!/g, '')
        .replace(/\$?[A-Z]{1,3}\$?\d+/g, 'REF');
      return [...stripped.matchAll(/(?<![A-Za-z_\d.])\d+(\.\d+)?/g)].map((m) => m[0]);
    });
    expect([...new Set(numbers)].sort()).toEqual(['0', '1', '10', '2']);
  });

  it('colours inputs blue (literal numbers), formulas black and cross-sheet links green', () => {
    for (const c of cells) {
      if (c.style === 'input') expect(c.formula).toBeUndefined();
      if (c.style === 'link') expect(c.formula).toMatch(/^('[^']+'!\$?[A-Z]+\$?\d+|[A-Za-z]+)$/);
    }
  });

  it("uses the note's column headings from column D", () => {
    const header = plan.sheets[2].cells
      .filter((c) => c.row === 3 && c.col >= FIRST_PERIOD_COL)
      .map((c) => c.value);
    expect(header).toEqual([
      '12/24',
      '12/25',
      '12/26E',
      '12/27E',
      '12/28E',
      '12/29E',
      '12/30E',
      '12/31E',
      '12/32E',
      '12/33E',
      '12/34E',
      '12/35E',
    ]);
    expect(colLetter(FIRST_PERIOD_COL)).toBe('D');
    expect(colLetter(28)).toBe('AB');
  });

  it('names the scalar drivers, the selector and the master check', () => {
    const names = plan.names.map((n) => n.name);
    for (const n of [
      'wacc',
      'terminalGrowth',
      'sharePrice',
      'scenario',
      'masterCheck',
      'targetPrice',
      'checkTolerance',
    ]) {
      expect(names).toContain(n);
    }
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it('compares every published figure of the note, and the model reproduces them in the base case', () => {
    const checks = plan.sheets.find((s) => s.name === 'Checks')!;
    const matchCells = checks.cells.filter((c) => c.what?.startsWith('match '));
    expect(matchCells).toHaveLength(NOTE_ROWS.length * 4);
    const reproduced = checks.cells.find((c) => c.what === 'figures reproduced')!;
    expect(matchCells.every((c) => c.cached === 'PASS' || c.cached === 'FAIL')).toBe(true);
    expect(Number(reproduced.cached)).toBe(matchCells.filter((c) => c.cached === 'PASS').length);
    expect(Number(reproduced.cached)).toBe(NOTE_ROWS.length * 4);
  });

  it("centres the WACC x growth grid on the scenario's value per ADS", () => {
    const dcf = plan.sheets.find((s) => s.name === 'DCF')!;
    const centre = dcf.cells.find((c) => c.what === 'grid g=0.03 wacc=0.103')!;
    const value = cells.find((c) => c.what === 'valuePerAdsUsd')!;
    expect(Number(centre.cached)).toBeCloseTo(Number(value.cached), 9);
  });

  it("gives the engine's sensitivityGrid in every cell (a full re-run at each WACC and terminal growth)", () => {
    const { waccs, growths } = defaultGridAxes();
    const engine = sensitivityGrid({}, waccs.map(String), growths.map(String));
    const dcf = plan.sheets.find((s) => s.name === 'DCF')!;
    growths.forEach((g, j) =>
      waccs.forEach((w, i) => {
        const cell = dcf.cells.find((c) => c.what === `grid g=${g.toString()} wacc=${w.toString()}`)!;
        expect(Number(cell.cached)).toBeCloseTo(engine[j][i]!.toNumber(), 9);
      }),
    );
  });
});

describe('the published figures in src', () => {
  it("are the same as the test fixture's transcription of the note", () => {
    expect(PUBLISHED_ROWS.map((r) => [r.table, r.label, ...r.cells])).toEqual(
      NOTE_ROWS.map((r) => [
        r.table,
        r.label,
        r.cells['2025A'],
        r.cells['2026E'],
        r.cells['2027E'],
        r.cells['2028E'],
      ]),
    );
  });
});

describe('the Checks sheet as printed', () => {
  const checks = plan.sheets.find((s) => s.name === 'Checks')!;
  const grouped = (row: number) => checks.groups.rows.some((g) => row >= g.from && row <= g.to);

  it('uses no scientific number format anywhere in the workbook', () => {
    const scientific = cells.filter((c) => c.format && /E[+-]/i.test(c.format.replace(/"[^"]*"/g, '')));
    expect(scientific.map((c) => `${c.sheet} ${c.what}: ${c.format}`)).toEqual([]);
  });

  it('shows no negative number that rounds to zero in its format, such as (0.0) for -3e-35', () => {
    const decimals = (format: string) => /0\.(0+)/.exec(format)?.[1].length ?? 0;
    const negativeZero = checks.cells.filter((c) => {
      const v = c.cached ?? c.value;
      if (grouped(c.row) || !c.format || v === undefined || typeof v !== 'object') return false;
      const places = decimals(c.format) + (c.format.includes('%') ? 2 : 0);
      // A negative zero (-0) is written as 0: only a non-zero negative can print as (0.0).
      return v.isNegative() && !v.isZero() && v.toDecimalPlaces(places).isZero();
    });
    expect(negativeZero.map((c) => `${c.what}: ${c.cached?.toString()}`)).toEqual([]);
  });

  it('gives every check row a PASS or FAIL, and wraps a label too long for its column', () => {
    const results = checks.cells.filter((c) => c.what?.startsWith('result '));
    expect(results).toHaveLength(LINES.filter((l) => l.section === 'Checks').length);
    for (const c of results) expect(c.cached).toBe('PASS');
    const long = checks.cells.filter(
      (c) => c.col === 1 && c.style === 'label' && typeof c.value === 'string' && c.value.length > 66,
    );
    expect(long.length).toBeGreaterThan(0);
    for (const c of long) {
      expect(c.wrap).toBe(true);
      expect(checks.heights?.[c.row]).toBeGreaterThanOrEqual(25);
    }
  });
});

describe('the plan keeps within Excel limits whatever the user typed', () => {
  it('a 1 MB override value never lands whole in a cell (cell text at most 32,767 characters; Excel specifications and limits)', () => {
    const huge = `0.11${'0'.repeat(1 << 20)}`;
    const many = Object.fromEntries(
      Array.from({ length: 40 }, (_, i) => [`revenueGrowth.${['2026E', '2027E', '2028E'][i % 3]}`, '0.2']),
    );
    for (const overrides of [{ wacc: huge }, { ...many, wacc: huge }]) {
      const big = buildPlan({ overrides, date: '2026-05-28' });
      for (const sheet of big.sheets)
        for (const c of sheet.cells) {
          const text = typeof c.value === 'string' ? c.value : (c.formula ?? '');
          expect(text.length).toBeLessThanOrEqual(32_767);
          if (typeof c.value === 'string') expect(c.value).not.toContain('0'.repeat(200));
        }
    }
  });
});
