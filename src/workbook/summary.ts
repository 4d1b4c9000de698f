/**
 * The Summary sheet, one printed page: the valuation, the master check, the note's headline table and the
 * revisions, every figure a link to the sheet that computes it; then the version, date and source stamp.
 */
import { NOTE_TABLE_LAYOUTS, PERIODS, type Decimal } from '../model';
import { cached, lineDef, PlanContext, SheetBuilder } from './builder';
import {
  capitalise,
  definedName,
  FIRST_PERIOD_COL,
  LABEL_COL,
  MODEL_NAME,
  NOTE_PERIODS,
  SHEET_NAMES,
  UNIT_COL,
} from './layout';
import type { PlanValue } from './plan';
import { NOTE_SOURCE } from './publishedFigures';
import { FORMATS, LINE_FORMAT, UNIT_TEXT } from './styles';

/** Builds the Summary sheet (after every other sheet is placed); `masterCheck` is the Checks sheet's result. */
export function summarySheet(ctx: PlanContext, masterCheck: boolean): SheetBuilder {
  const name = SHEET_NAMES.summary;
  const s = new SheetBuilder(name, [44, 8, 2, ...NOTE_PERIODS.map(() => 13)], { rows: 0, cols: 0 });
  s.print = { onePage: true };
  s.text(1, LABEL_COL, `${MODEL_NAME}: summary`, 'title');
  s.text(
    2,
    LABEL_COL,
    'Every figure is a link to the sheet that computes it. Switch scenarios on the Assumptions sheet.',
    'note',
  );
  let row = 4;
  const link = (label: string, unit: string, formula: string, value: PlanValue, format?: string) => {
    s.text(row, LABEL_COL, label, 'label');
    s.text(row, UNIT_COL, unit, 'id');
    s.put({
      row,
      col: FIRST_PERIOD_COL,
      formula,
      cached: value,
      style: 'link',
      format,
      what: `summary ${label}`,
    });
    row++;
  };
  const a = ctx.model.assumptions.scalars;
  const scalarLink = (id: string, label?: string) => {
    const def = lineDef(id);
    const value = ctx.model.value(id, PERIODS[1].id) as Decimal;
    link(label ?? def.label, UNIT_TEXT[def.unit], definedName(id), value, LINE_FORMAT[def.unit]);
  };
  link('Scenario in force', '', 'scenarioName', capitalise(ctx.scenario));
  scalarLink('targetPrice', 'Target price (US$, DCF)');
  link('Price (US$)', 'US$', definedName('price'), a.price, FORMATS.perAds);
  scalarLink('upside');
  scalarLink('dcfEnterpriseValue');
  scalarLink('dcfEquityValue');
  scalarLink('valuePerAdsRmb');
  scalarLink('valuePerAdsUsd');
  link('WACC', '%', 'wacc', a.wacc, FORMATS.pct);
  link('Terminal growth', '%', 'terminalGrowth', a.terminalGrowth, FORMATS.pct);
  link('Master check (Checks sheet)', '', 'masterCheck', masterCheck);
  row++;
  const table = (title: string, rows: readonly { label: string; line: string }[]) => {
    s.text(row, LABEL_COL, title, 'section');
    NOTE_PERIODS.forEach((p, i) => s.text(row, FIRST_PERIOD_COL + i, PERIODS[p].heading, 'header'));
    row++;
    for (const r of rows) {
      const def = lineDef(r.line);
      s.text(row, LABEL_COL, r.label, 'label');
      s.text(row, UNIT_COL, UNIT_TEXT[def.unit], 'id');
      NOTE_PERIODS.forEach((p, i) => {
        const home = ctx.lineCell(r.line, p);
        s.put({
          row,
          col: FIRST_PERIOD_COL + i,
          formula: ctx.ref(name, home.sheet, home.row, home.col),
          cached: cached(ctx.model.value(r.line, PERIODS[p].id)),
          style: 'link',
          format: LINE_FORMAT[def.unit],
          what: `summary ${r.line}@${PERIODS[p].id}`,
        });
      });
      row++;
    }
    row++;
  };
  const headline = NOTE_TABLE_LAYOUTS.find((t) => t.name === 'Headline');
  if (!headline) throw new Error("The model has no note table 'Headline'");
  table("Key figures (the note's headline table)", headline.rows);
  table('Revisions: New vs Old', [
    { label: 'Revenue (Rmb mn) New', line: 'revenue' },
    { label: 'Revenue (Rmb mn) Old', line: 'revenueOld' },
    { label: 'Revenue revision', line: 'revenueRevision' },
    { label: 'EPS (Rmb) New', line: 'epsBasicPre' },
    { label: 'EPS (Rmb) Old', line: 'epsOld' },
    { label: 'EPS revision', line: 'epsRevision' },
  ]);
  const overrides = ctx.overridesText();
  const stamp: [string, string][] = [
    ['Version', ctx.options.version ?? 'kc-model'],
    ['Date', ctx.date()],
    [
      'Scenario written',
      `${ctx.scenario}${overrides ? ` with ${overrides} (on top of every scenario)` : ''}`,
    ],
    ...NOTE_SOURCE.map((text, i): [string, string] => [i === 0 ? 'Source' : '', text]),
  ];
  for (const [label, value] of stamp) {
    if (label) s.text(row, LABEL_COL, label, 'label');
    s.text(row++, FIRST_PERIOD_COL, value, 'note');
  }
  return s;
}
