/**
 * The workbook as LibreOffice Calc renders it (recalculated on load): the printed page count, the Summary (and the
 * DCF, Valuation and Charts) on one page, sans fonts only, every chart imported as a native chart with the engine's values, and the Checks sheet's
 * text as shown: fixed point, no (0.0) for noise, a PASS or FAIL on every row.
 */
import { findSoffice } from '../support/libreoffice';
import { buildPlan, colLetter, type WorkbookPlan } from '../../src/workbook/plan';
import { renderWithLibreOffice, type Rendered } from './render';

const soffice = findSoffice();
// LibreOffice is installed on every developer machine and in CI (.ci/run); without it this suite cannot run.
const describeWithLibreOffice = soffice ? describe : describe.skip;

let plan: WorkbookPlan;
let rendered: Rendered;

beforeAll(async () => {
  if (!soffice) return;
  plan = buildPlan({ date: '2026-05-28' });
  rendered = await renderWithLibreOffice(plan, soffice);
}, 240_000);

describeWithLibreOffice('the workbook printed and rendered by LibreOffice', () => {
  it('prints in well under 30 pages, every sheet, the Summary and the DCF on one page each', () => {
    expect(rendered.pages).toBeLessThan(30);
    expect(rendered.sheetPages.map(([s]) => s)).toEqual(plan.sheets.map((s) => s.name));
    const pages = new Map(rendered.sheetPages);
    expect(pages.get('Summary')).toBe(1);
    expect(pages.get('DCF')).toBe(1);
    expect(pages.get('Charts')).toBe(1);
    expect(pages.get('Valuation')).toBe(1);
    expect(rendered.sheetPages.reduce((n, [, p]) => n + p, 0)).toBe(rendered.pages);
  });

  it('uses one sans family and nothing else (no serif fallback)', () => {
    expect(rendered.fonts.length).toBeGreaterThan(0);
    for (const font of rendered.fonts)
      expect(font).toMatch(/^(Arial|LiberationSans)(-Bold|-Italic|-BoldItalic)?$/);
  });

  it("imports every chart of the plan as a native chart, of its kind, with the engine's values", () => {
    expect(rendered.charts).toHaveLength(plan.charts.length);
    for (const chart of plan.charts) {
      const sheet = plan.sheets.find((s) => s.name === chart.sheet)!;
      const got = rendered.charts.find((c) => c.title === chart.title);
      expect(got).toBeDefined();
      const series = Array.from({ length: chart.source.series }, (_, k) => k);
      expect(got!.series.map((s) => s.cls)).toEqual(
        series.map((k) => (k === chart.secondaryLine || chart.kind === 'line' ? 'chart:line' : 'chart:bar')),
      );
      if (chart.secondaryLine !== undefined)
        expect(got!.series[chart.secondaryLine].axis).toBe('secondary-y');
      expect(got!.stacked).toBe(chart.kind === 'columnStacked' || chart.kind === 'barStacked');
      expect(got!.horizontal).toBe(chart.kind === 'barClustered' || chart.kind === 'barStacked');
      series.forEach((k) => {
        const row = chart.source.top + 1 + k;
        const last = colLetter(chart.source.left + chart.source.categories);
        expect(got!.series[k].values).toBe(`${chart.sheet}.B${row}:${chart.sheet}.${last}${row}`);
        // Formulas as the engine computed them; stamped engine values as written.
        const engine = sheet.cells
          .filter(
            (c) =>
              c.row === row &&
              c.col > chart.source.left &&
              c.col <= chart.source.left + chart.source.categories,
          )
          .sort((a, b) => a.col - b.col)
          .map((c) => Number(c.cached ?? c.value));
        expect(engine).toHaveLength(chart.source.categories);
        got!.table[k].forEach((v, i) => expect(v).toBeCloseTo(engine[i], 6));
      });
    }
  });

  it('shows the Checks sheet in fixed point, with no (0.0) for noise and a PASS or FAIL on every check row', () => {
    const checks = plan.sheets.find((s) => s.name === 'Checks')!;
    const grouped = (row: number) => checks.groups.rows.some((g) => row >= g.from && row <= g.to);
    const shown = rendered.shown.get('Checks')!;
    const visible = shown.filter((_, i) => !grouped(i + 1));
    const texts = visible.flat().map((t) => t.trim());
    expect(texts.filter((t) => /\dE[+-]\d/i.test(t))).toEqual([]);
    expect(texts.filter((t) => /^\(0(\.0+)?%?\)$/.test(t))).toEqual([]);
    expect(texts.filter((t) => /^-0(\.0+)?%?$/.test(t))).toEqual([]);
    const resultCells = checks.cells.filter(
      (c) => c.what?.startsWith('result ') || c.what?.startsWith('match '),
    );
    expect(resultCells.length).toBeGreaterThan(400);
    for (const c of resultCells) expect(shown[c.row - 1][c.col - 1]).toBe('PASS');
    const master = plan.anchors.masterCheck;
    expect(shown[master.row - 1][master.col - 1]).toBe('TRUE');
  });
});
