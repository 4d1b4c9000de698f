/**
 * The Valuation sheet and the tornado on the Charts sheet: every number is a live formula, an input from the note, or
 * an engine value stamped and marked so; the live ones follow an edit in a spreadsheet engine (HyperFormula) to what
 * the engine gives, the stamped ones are the engine's answers as written.
 */
import { buildModel, footballField, impliedValues, tornado } from '../../src/model';
import { buildPlan, type PlanCell, type PlanSheet, type WorkbookPlan } from '../../src/workbook/plan';
import { VALUATION_SHEET } from '../../src/workbook/valuation';
import { loadIntoHyperFormula, type LoadedPlan } from '../support/hyperformula';
import { close } from '../support/libreoffice';

const DATE = '2026-05-28';
let plan: WorkbookPlan;
let sheet: PlanSheet;
let loaded: LoadedPlan;

beforeAll(() => {
  plan = buildPlan({ date: DATE });
  sheet = plan.sheets.find((s) => s.name === VALUATION_SHEET)!;
  loaded = loadIntoHyperFormula(plan);
});

const cell = (what: string): PlanCell => {
  const found = sheet.cells.find(
    (c) => c.what === `valuation ${what}` || c.what === `valuation ${what} (stamped)`,
  );
  if (!found) throw new Error(`No cell ${what}`);
  return found;
};
const read = (c: PlanCell) => loaded.read({ sheet: VALUATION_SHEET, row: c.row, col: c.col }) as number;
const isNumber = (c: PlanCell) =>
  c.formula !== undefined || (c.value !== undefined && typeof c.value === 'object');

describe('the Valuation sheet', () => {
  it('follows the DCF sheet, and says on the sheet which numbers are live and which stamped', () => {
    const names = plan.sheets.map((s) => s.name);
    expect(names.indexOf(VALUATION_SHEET)).toBe(names.indexOf('DCF') + 1);
    const texts = sheet.cells.filter((c) => typeof c.value === 'string').map((c) => c.value as string);
    expect(
      texts.some(
        (t) => t.startsWith('Black: live formulas') && t.includes('Grey italic: engine values stamped'),
      ),
    ).toBe(true);
    expect(texts).toContain(`Stamped: kc-model, ${DATE}, scenario base.`);
  });

  it('holds only live formulas, blue inputs and grey stamped engine values among its numbers', () => {
    for (const c of sheet.cells.filter(isNumber)) {
      if (c.formula !== undefined)
        expect([c.what, c.style]).toEqual([c.what, expect.stringMatching(/^(formula|link)$/)]);
      else if (c.style === 'input') expect(c.what).toMatch(/P\/S|days|marker/);
      else expect([c.what, c.style]).toEqual([expect.stringMatching(/\(stamped\)$/), 'note']);
    }
  });

  it('has the football field of the engine: DCF range, scenarios, P/S band, price and target', () => {
    const field = footballField();
    for (const bar of field.bars) {
      const [low, high] = [cell(`${bar.id} low`), cell(`${bar.id} high`)];
      expect(close(Number(low.cached ?? low.value), bar.low.toNumber())).toBe(true);
      expect(close(Number(high.cached ?? high.value), bar.high.toNumber())).toBe(true);
    }
    expect(cell('dcf low').formula).toMatch(/^MIN\('DCF'!\$[A-Z]+\$\d+:\$[A-Z]+\$\d+\)$/);
    expect(cell('scenarios low').formula).toBeUndefined();
    expect(read(cell('dcf low'))).toBeCloseTo(14.83, 2);
    expect(read(cell('ps low'))).toBeCloseTo(13.3, 2);
    expect(read(cell('P/S at the price'))).toBeCloseTo(1.959, 3);
  });

  it('stamps the reverse DCF: each driver’s implied value at the price, the case’s value live beside it', () => {
    for (const { driver, result } of impliedValues()) {
      const stamped = cell(`implied ${driver.id}`);
      expect([stamped.style, stamped.formula]).toEqual(['note', undefined]);
      expect(Number(stamped.value)).toBe(result!.solution.toNumber());
      if (driver.kind === 'level') expect(cell(`case ${driver.id}`).formula).toBe(driver.id);
    }
  });

  it('moves its live numbers with an edit (WACC 11% in the sheet) to the engine’s, and leaves the stamped ones', () => {
    const wacc = plan.anchors.scalarInput.wacc.base;
    const before = loaded.read(wacc) as number;
    const stampedBear = sheet.cells.find((c) => c.what === 'valuation scenario bear (stamped)')!;
    try {
      loaded.write(wacc, 0.11);
      const field = footballField({ overrides: { wacc: '0.11' } });
      const dcf = field.bars.find((b) => b.id === 'dcf')!;
      expect(close(read(cell('dcf low')), dcf.low.toNumber())).toBe(true);
      expect(close(read(cell('dcf high')), dcf.high.toNumber())).toBe(true);
      expect(
        close(
          read(cell('target low')),
          buildModel({ overrides: { wacc: '0.11' } })
            .dcf()
            .targetPrice.toNumber(),
        ),
      ).toBe(true);
      expect(close(read(cell('scenario in force')), field.valuePerAdsUsd.toNumber())).toBe(true);
      expect(read(stampedBear)).toBe(Number(stampedBear.value));
    } finally {
      loaded.write(wacc, before);
    }
  });

  it('draws a floating bar: a hidden base and the range, five bars', () => {
    const chart = plan.charts.find((c) => c.sheet === VALUATION_SHEET)!;
    expect(chart).toMatchObject({
      kind: 'barStacked',
      hiddenSeries: [0],
      source: { series: 2, categories: 5 },
    });
  });
});

describe('the tornado on the Charts sheet', () => {
  it('stamps the engine’s tornado, widest first, as floating bars around the case value', () => {
    const charts = plan.sheets.find((s) => s.name === 'Charts')!;
    const chart = plan.charts.find((c) => c.title.startsWith('Tornado'))!;
    expect(chart).toMatchObject({
      kind: 'barStacked',
      hiddenSeries: [0],
      source: { series: 3, categories: 8 },
    });
    const at = (row: number, col: number) => charts.cells.find((c) => c.row === row && c.col === col)!;
    const result = tornado();
    result.rows.forEach((row, i) => {
      const col = chart.source.left + 1 + i;
      expect(at(chart.source.top, col).value).toBe(row.label);
      const [base, below, above] = [1, 2, 3].map((k) => at(chart.source.top + k, col));
      for (const c of [base, below, above])
        expect([c.style, c.what]).toEqual(['note', expect.stringMatching(/\(stamped\)$/)]);
      const sum = Number(base.value) + Number(below.value) + Number(above.value);
      expect(Number(base.value)).toBe(row.low.valuePerAdsUsd.toNumber());
      expect(close(sum, row.high.valuePerAdsUsd.toNumber())).toBe(true);
      expect(close(Number(base.value) + Number(below.value), result.valuePerAdsUsd.toNumber())).toBe(true);
    });
  });
});
