/**
 * The Valuation sheet: the football field (ranges of US$ per ADS from the DCF grid, the three scenarios and the
 * note's P/S band, beside the current price and the target price) with its chart, the P/S workings, and what the price
 * implies (the reverse DCF). Every number is a live formula or an engine value stamped when the workbook was written,
 * and the sheet says which: the workbook computes one scenario at a time and has no solver, so the other scenarios'
 * values and the reverse DCF's answers are stamped (grey italic), and everything else follows every edit.
 */
import {
  footballField,
  impliedValues,
  PS_BAND,
  SCENARIO_NAMES,
  solutionText,
  findDriver,
  Decimal,
  type FootballField,
} from '../model';
import { PlanContext, SheetBuilder } from './builder';
import type { PlanChart } from './charts';
import type { GridPlace } from './grid';
import { a1, capitalise, colLetter, definedName } from './layout';
import type { CellStyle, PlanValue } from './plan';
import { DRIVER_FORMAT, FORMATS } from './styles';

/** The Valuation sheet's name. */
export const VALUATION_SHEET = 'Valuation';

const LABEL = 1;
const LOW = 2;
const HIGH = 3;
const KIND = 4;
const BASIS = 7;

/** A formula cell: the formula and the engine's value, black. */
interface Formula {
  formula: string;
  cached: PlanValue;
  format?: string;
}

/** Builds the Valuation sheet and its chart; every line and the DCF grid must already be placed. */
export function valuationSheet(
  ctx: PlanContext,
  grid: GridPlace,
): { sheet: SheetBuilder; charts: PlanChart[] } {
  const name = VALUATION_SHEET;
  const options = { scenario: ctx.scenario, overrides: ctx.overrides };
  const field = footballField(options);
  const s = new SheetBuilder(name, [50, 12, 12, 12, 12, 12, 70], { rows: 0, cols: 0 });
  s.print = { onePage: true };
  const overrides = ctx.overridesText();
  const stamp = `${ctx.options.version ?? 'kc-model'}, ${ctx.date()}, scenario ${ctx.scenario}${overrides ? ` with ${overrides}` : ''}`;
  s.text(1, LABEL, 'Kingsoft Cloud: valuation, US$ per ADS (football field)', 'title');
  s.text(
    2,
    LABEL,
    'Black: live formulas that follow every edit of the model. Grey italic: engine values stamped when this workbook was written; the workbook does not recompute them (it computes one scenario at a time and has no solver). Blue: inputs from the note.',
    'note',
  );
  s.text(3, LABEL, `Stamped: ${stamp}.`, 'note');

  const put = (row: number, col: number, cell: Formula, what: string, style: CellStyle = 'formula') =>
    s.put({ row, col, ...cell, format: cell.format ?? FORMATS.perAds, style, what: `valuation ${what}` });
  const stamped = (row: number, col: number, value: Decimal, what: string, format: string = FORMATS.perAds) =>
    s.put({ row, col, value, style: 'note', format, what: `valuation ${what} (stamped)` });
  const input = (row: number, col: number, value: Decimal, what: string, format: string) =>
    s.put({ row, col, value, style: 'input', format, what: `valuation ${what}` });
  const ref = (row: number, col: number) => a1(row, col);

  // Rows, top to bottom.
  const top = 5;
  const barRow = { dcf: top + 1, scenarios: top + 2, ps: top + 3, price: top + 4, target: top + 5 };
  const scenarioTop = top + 7;
  const scenarioRow = (i: number) => scenarioTop + 1 + i;
  const psTop = scenarioTop + SCENARIO_NAMES.length + 3;
  const ps = {
    low: psTop + 1,
    high: psTop + 2,
    daysLeft: psTop + 3,
    days: psTop + 4,
    weight: psTop + 5,
    forward: psTop + 6,
    ads: psTop + 7,
    fx: psTop + 8,
    valueLow: psTop + 9,
    valueHigh: psTop + 10,
    priceMultiple: psTop + 11,
  };
  const impliedTop = ps.priceMultiple + 2;
  const implied = impliedValues(options);
  const chartTop = impliedTop + 2 + implied.length + 1;

  // The football field.
  s.text(top, LABEL, 'Football field', 'section');
  s.text(top, LOW, 'Low', 'header');
  s.text(top, HIGH, 'High', 'header');
  s.text(top, KIND, 'Values', 'section');
  s.text(top, BASIS, 'How the range is made', 'section');
  const bar = (id: FootballField['bars'][number]['id']) => field.bars.find((b) => b.id === id)!;
  /** A bar's low and high: live formulas, or (formula undefined) engine values stamped at writing. */
  const barLine = (
    row: number,
    id: FootballField['bars'][number]['id'],
    formulas: [string, string] | undefined,
    basis: string,
  ) => {
    const { label, low, high } = bar(id);
    s.text(row, LABEL, label, 'label');
    if (formulas) {
      put(row, LOW, { formula: formulas[0], cached: low }, `${id} low`);
      put(row, HIGH, { formula: formulas[1], cached: high }, `${id} high`);
    } else {
      stamped(row, LOW, low, `${id} low`);
      stamped(row, HIGH, high, `${id} high`);
    }
    s.text(row, KIND, formulas ? 'live' : 'stamped', 'note');
    s.text(row, BASIS, basis, 'note');
  };
  const block = gridBlockRef(ctx, name, grid, field);
  barLine(
    barRow.dcf,
    'dcf',
    [`MIN(${block})`, `MAX(${block})`],
    `The DCF sheet's WACC x terminal growth grid, ±2 steps around the live WACC and growth (${block.replace(/'[^']+'!/, '')}).`,
  );
  barLine(
    barRow.scenarios,
    'scenarios',
    undefined,
    'The lowest and highest of the three scenarios below (the workbook computes only the scenario in force).',
  );
  barLine(
    barRow.ps,
    'ps',
    [ref(ps.valueLow, LOW), ref(ps.valueHigh, LOW)],
    "The note's P/S band on 12-month-forward revenue (below).",
  );
  const price = definedName('price');
  barLine(
    barRow.price,
    'price',
    [price, price],
    'The ADS price: the line the reverse DCF solves to (below).',
  );
  barLine(
    barRow.target,
    'target',
    ['targetPrice', 'targetPrice'],
    'The DCF value per ADS, rounded as published.',
  );

  // Scenarios: stamped, and the scenario in force live beside them.
  s.text(scenarioTop, LABEL, 'Scenarios: value per ADS (US$)', 'section');
  s.text(scenarioTop, LOW, 'Value', 'header');
  s.text(scenarioTop, KIND, 'Values', 'section');
  field.scenarios.forEach(({ scenario, valuePerAdsUsd }, i) => {
    const row = scenarioRow(i);
    s.text(row, LABEL, capitalise(scenario), 'label');
    stamped(row, LOW, valuePerAdsUsd, `scenario ${scenario}`);
    s.text(row, KIND, 'stamped', 'note');
  });
  const liveRow = scenarioRow(SCENARIO_NAMES.length);
  s.text(liveRow, LABEL, 'The scenario in force now (the selector on Assumptions)', 'label');
  put(liveRow, LOW, { formula: 'valuePerAdsUsd', cached: field.valuePerAdsUsd }, 'scenario in force', 'link');
  s.text(liveRow, KIND, 'live', 'note');
  s.text(
    liveRow,
    BASIS,
    'Follows every edit; the stamped values above are the three scenarios as the workbook was written.',
    'note',
  );

  // The P/S band.
  const revenue = (period: number) => {
    const c = ctx.lineCell('revenue', period);
    return ctx.ref(name, c.sheet, c.row, c.col);
  };
  const weight = new Decimal(PS_BAND.daysLeft).div(PS_BAND.daysInYear);
  const a = ctx.model.assumptions.scalars;
  s.text(psTop, LABEL, 'P/S band on 12-month-forward revenue', 'section');
  s.text(psTop, BASIS, `${PS_BAND.source}. P/S is on market value: no net debt.`, 'note');
  const psLines: [number, string][] = [
    [ps.low, 'P/S at the price, 12-month-forward (the note)'],
    [ps.high, 'P/S one standard deviation below the mean since 2025 (the note)'],
    [ps.daysLeft, `Days of 2026 after the price date (${PS_BAND.priceDate})`],
    [ps.days, 'Days in 2026'],
    [ps.weight, 'Weight of 12/26E in the 12 months forward'],
    [ps.forward, '12-month-forward revenue (Rmb mn): weight x 12/26E + (1 - weight) x 12/27E'],
    [ps.ads, 'ADS outstanding at the price date (mn)'],
    [ps.fx, 'Rmb per US$'],
    [ps.valueLow, `Value per ADS at ${PS_BAND.low}x (US$)`],
    [ps.valueHigh, `Value per ADS at ${PS_BAND.high}x (US$)`],
    [ps.priceMultiple, 'P/S at the price on 12-month-forward revenue (x)'],
  ];
  for (const [row, label] of psLines) s.text(row, LABEL, label, 'label');
  input(ps.low, LOW, new Decimal(PS_BAND.low), 'P/S low', FORMATS.multiple);
  input(ps.high, LOW, new Decimal(PS_BAND.high), 'P/S high', FORMATS.multiple);
  input(ps.daysLeft, LOW, new Decimal(PS_BAND.daysLeft), 'days left', FORMATS.integer);
  input(ps.days, LOW, new Decimal(PS_BAND.daysInYear), 'days in year', FORMATS.integer);
  const w = ref(ps.weight, LOW);
  put(
    ps.weight,
    LOW,
    { formula: `${ref(ps.daysLeft, LOW)}/${ref(ps.days, LOW)}`, cached: weight, format: FORMATS.weight },
    'weight',
  );
  put(
    ps.forward,
    LOW,
    {
      formula: `${w}*${revenue(2)}+(1-${w})*${revenue(3)}`,
      cached: field.psBand.forwardRevenue,
      format: FORMATS.rmbMn,
    },
    'forward revenue',
  );
  put(
    ps.ads,
    LOW,
    { formula: 'adsOutstanding', cached: a.adsOutstanding, format: FORMATS.mnAds },
    'ADS',
    'link',
  );
  put(ps.fx, LOW, { formula: 'fxRate', cached: a.fxRate, format: FORMATS.fx }, 'fx', 'link');
  const perAds = (multiple: number) =>
    `${ref(multiple, LOW)}*${ref(ps.forward, LOW)}/${ref(ps.ads, LOW)}/${ref(ps.fx, LOW)}`;
  put(ps.valueLow, LOW, { formula: perAds(ps.low), cached: bar('ps').low }, 'P/S value low');
  put(ps.valueHigh, LOW, { formula: perAds(ps.high), cached: bar('ps').high }, 'P/S value high');
  put(
    ps.priceMultiple,
    LOW,
    {
      formula: `${price}*${ref(ps.ads, LOW)}*${ref(ps.fx, LOW)}/${ref(ps.forward, LOW)}`,
      cached: field.psBand.priceMultiple,
      format: FORMATS.multiple,
    },
    'P/S at the price',
  );

  // The reverse DCF: stamped answers, the case's own values live.
  s.text(impliedTop, LABEL, 'Reverse DCF: what the price implies, one driver at a time', 'section');
  s.text(impliedTop, LOW, 'Implied', 'header');
  s.text(impliedTop, HIGH, 'Case', 'header');
  s.text(impliedTop, BASIS, 'Id, or why there is no answer', 'section');
  s.text(
    impliedTop + 1,
    LABEL,
    `Implied: stamped at ${field.price.toFixed(2)} US$ per ADS (kc-model implied; everything else at the case). Case: live.`,
    'note',
  );
  implied.forEach(({ driver, result, error }, i) => {
    const row = impliedTop + 2 + i;
    const def = findDriver(driver.id)!;
    const format = driver.kind === 'shift' || def.unit === 'pct' ? FORMATS.pct2 : DRIVER_FORMAT[def.unit];
    s.text(row, LABEL, driver.label, 'label');
    if (result) stamped(row, LOW, result.solution, `implied ${driver.id}`, format);
    else s.text(row, LOW, 'none', 'note');
    if (driver.kind === 'level')
      put(
        row,
        HIGH,
        { formula: definedName(driver.id), cached: a[driver.id], format },
        `case ${driver.id}`,
        'link',
      );
    s.text(
      row,
      BASIS,
      error ? error.message : `${driver.id}: ${solutionText(driver, result!.solution)}`,
      'note',
    );
  });

  // The chart's data: categories across, the low as a hidden base, then the range (a thin marker for a point).
  s.text(chartTop, LABEL, 'Chart data: the low (a hidden base) and the range of each bar', 'section');
  const header = chartTop + 1;
  const lowRow = header + 1;
  const rangeRow = header + 2;
  const markerRow = header + 3;
  const categories = [
    ['DCF (WACC ±1pp, g ±0.5pp)', barRow.dcf, false],
    ['Scenarios (bear to bull)', barRow.scenarios, false],
    [`P/S ${PS_BAND.low}x-${PS_BAND.high}x forward`, barRow.ps, false],
    ['Current price', barRow.price, true],
    ['Target price', barRow.target, true],
  ] as const;
  const marker = new Decimal('0.2');
  const markerRef = a1(markerRow, LOW, true);
  s.text(lowRow, LABEL, 'Low (hidden base)', 'label');
  s.text(rangeRow, LABEL, 'Range (US$ per ADS)', 'label');
  s.text(markerRow, LABEL, 'Width of the price and target-price markers (US$)', 'label');
  input(markerRow, LOW, marker, 'marker width', FORMATS.perAds);
  categories.forEach(([label, row, point], i) => {
    const col = LOW + i;
    const id = field.bars[i].id;
    const { low, high } = bar(id);
    s.text(header, col, label, 'header');
    if (id === 'scenarios') {
      stamped(lowRow, col, low, `chart low ${id}`);
      stamped(rangeRow, col, high.minus(low), `chart range ${id}`);
      return;
    }
    put(
      lowRow,
      col,
      {
        formula: point ? `${ref(row, LOW)}-${markerRef}/2` : ref(row, LOW),
        cached: point ? low.minus(marker.div(2)) : low,
      },
      `chart low ${id}`,
    );
    put(
      rangeRow,
      col,
      {
        formula: point ? markerRef : `${ref(row, HIGH)}-${ref(row, LOW)}`,
        cached: point ? marker : high.minus(low),
      },
      `chart range ${id}`,
    );
  });
  const frameTop = markerRow + 2;
  const chart: PlanChart = {
    title: 'Football field: value per ADS (US$)',
    kind: 'barStacked',
    sheet: name,
    source: { top: header, left: LABEL, series: 2, categories: categories.length },
    hiddenSeries: [0],
    from: `A${frameTop}`,
    to: `${colLetter(BASIS)}${frameTop + 20}`,
  };
  return { sheet: s, charts: [chart] };
}

/**
 * The block of the DCF sheet's grid that spans the football field's axes (WACC ±1pp, growth ±0.5pp), as an absolute
 * range from the Valuation sheet. The grid's axes are the model's default axes and the field's lie on them (both
 * step from the live WACC and growth by the same steps, shifted inward only at a limit).
 */
function gridBlockRef(ctx: PlanContext, from: string, grid: GridPlace, field: FootballField): string {
  const index = (axis: Decimal[], value: Decimal) => axis.findIndex((x) => x.equals(value));
  const cols = field.grid.waccs.map((w) => index(grid.waccs, w));
  const rows = field.grid.growths.map((g) => index(grid.growths, g));
  const contiguous = (xs: number[]) => xs.every((x, i) => x >= 0 && (i === 0 || x === xs[i - 1] + 1));
  if (!contiguous(cols) || !contiguous(rows))
    throw new Error('The football field’s DCF axes are not a block of the DCF grid');
  const first = ctx.ref(from, grid.sheet, grid.axisRow + 1 + rows[0], grid.firstCol + cols[0], true);
  const last = a1(grid.axisRow + 1 + rows[rows.length - 1], grid.firstCol + cols[cols.length - 1], true);
  return `${first}:${last}`;
}
