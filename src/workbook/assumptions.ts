/**
 * The Assumptions sheet: the scenario selector; every driver's live value (chosen by the selector) beside its base
 * input and the bull and bear cases' changes to it (scenarios are deltas from the base case, so editing a base
 * input moves every case); the driver lines the statements read; and the live drivers as id/value pairs for the
 * KC.* functions. Built from the model's DRIVERS and SCENARIOS, so a new driver appears without a change here.
 */
import {
  Decimal,
  DRIVERS,
  driverPeriods,
  LINES,
  PERIODS,
  SCENARIO_NAMES,
  SCENARIOS,
  type DriverDef,
  type PeriodId,
} from '../model';
import { PlanContext, periodWidths, SheetBuilder } from './builder';
import {
  a1,
  capitalise,
  definedName,
  FIRST_PERIOD_COL,
  HEADER_ROWS,
  ID_COL,
  LABEL_COL,
  periodIndex,
  SHEET_NAMES,
} from './layout';
import { DELTA_FORMAT, DRIVER_FORMAT, FORMATS } from './styles';

/** The live value of a driver cell: the base input, plus the selected case's change (none for the base case). */
function liveFormula(selector: string, base: string, deltas: string[]): string {
  return `CHOOSE(${selector},${[base, ...deltas.map((d) => `${base}+${d}`)].join(',')})`;
}

/** Builds the Assumptions sheet and places the driver lines. */
export function assumptionsSheet(ctx: PlanContext): SheetBuilder {
  const name = SHEET_NAMES.assumptions;
  const s = new SheetBuilder(name, [...periodWidths(48), 60], { rows: HEADER_ROWS, cols: 3 });
  const cases = SCENARIOS.slice(1);
  ctx.header(
    s,
    'Assumptions',
    `Blue: inputs: the base case, and the ${cases.map((c) => c.name).join(' and ')} cases as changes to it. Black: the live values the model reads, chosen by the scenario selector.`,
    'Driver',
  );
  let row = HEADER_ROWS + 2;
  // Scenario selector.
  const selectorRow = row;
  s.text(row, LABEL_COL, `Scenario selector (${SCENARIO_NAMES.map((n, i) => `${i + 1} = ${n}`).join(', ')})`);
  s.put({
    row,
    col: FIRST_PERIOD_COL,
    value: new Decimal(SCENARIO_NAMES.indexOf(ctx.scenario) + 1),
    style: 'input',
    format: FORMATS.integer,
    what: 'scenario selector',
  });
  ctx.addName(ctx.selectorName, name, a1(row, FIRST_PERIOD_COL, true));
  ctx.anchors.selector = { sheet: name, row, col: FIRST_PERIOD_COL };
  row += 2;
  // Scalar drivers: live, base, then each case's change.
  const headings = ['Base', ...cases.map((c) => `${capitalise(c.name)} change`)];
  s.text(row, LABEL_COL, 'Scalar drivers', 'section');
  s.text(row, 2, 'Unit', 'header');
  s.text(row, ID_COL, 'Id', 'header');
  s.text(row, FIRST_PERIOD_COL, 'Live', 'header');
  headings.forEach((h, i) => s.text(row, FIRST_PERIOD_COL + 1 + i, h, 'header'));
  s.text(row, FIRST_PERIOD_COL + 1 + SCENARIOS.length, 'Source', 'header');
  // The scenario in force, by name.
  s.put({
    row: selectorRow,
    col: FIRST_PERIOD_COL + 1,
    formula: `CHOOSE(${ctx.selectorName},${SCENARIO_NAMES.map((n) => `"${capitalise(n)}"`).join(',')})`,
    cached: capitalise(ctx.scenario),
    style: 'formula',
    what: 'scenario name',
  });
  ctx.addName('scenarioName', name, a1(selectorRow, FIRST_PERIOD_COL + 1, true));
  row++;
  for (const def of DRIVERS.filter((d) => d.scope === 'scalar')) {
    ctx.labelDriver(s, row, def);
    const refs = SCENARIOS.map((sc, i) => {
      const col = FIRST_PERIOD_COL + 1 + i;
      putInput(ctx, s, def, row, col, i, def.id);
      (ctx.anchors.scalarInput[def.id] ??= {})[sc.name] = { sheet: name, row, col };
      return a1(row, col);
    });
    s.put({
      row,
      col: FIRST_PERIOD_COL,
      formula: liveFormula(ctx.selectorName, refs[0], refs.slice(1)),
      cached: ctx.model.assumptions.scalars[def.id],
      style: 'formula',
      format: DRIVER_FORMAT[def.unit],
      what: `driver ${def.id}`,
    });
    s.text(row, FIRST_PERIOD_COL + 1 + SCENARIOS.length, def.source, 'note');
    ctx.addName(definedName(def.id), name, a1(row, FIRST_PERIOD_COL, true));
    row++;
  }
  row++;
  // Per-period drivers: the live block, the base inputs, then one block of changes per case.
  const seriesDrivers = DRIVERS.filter((d) => d.scope !== 'scalar');
  const blockRows = seriesDrivers.length + 2;
  const liveStart = row;
  const sourceCol = FIRST_PERIOD_COL + PERIODS.length;
  s.text(row, LABEL_COL, 'Per-year drivers, live (the selected scenario)', 'section');
  PERIODS.forEach((p, i) => s.text(row, FIRST_PERIOD_COL + i, p.heading, 'header'));
  s.text(row, sourceCol, 'Source', 'header');
  SCENARIOS.forEach((sc, k) => {
    const top = liveStart + blockRows * (k + 1);
    const title =
      k === 0
        ? `Per-year drivers, base case: ${sc.description}`
        : `Per-year drivers, ${sc.name} case: changes to the base case. ${sc.description}`;
    s.text(top, LABEL_COL, title, 'section');
    PERIODS.forEach((p, i) => s.text(top, FIRST_PERIOD_COL + i, p.heading, 'header'));
  });
  seriesDrivers.forEach((def, j) => {
    const r = liveStart + 1 + j;
    ctx.driverRows.set(def.id, r);
    ctx.labelDriver(s, r, def);
    s.text(r, sourceCol, def.source, 'note');
    const periods = driverPeriods(def);
    const first = periodIndex(periods[0]);
    const last = periodIndex(periods[periods.length - 1]);
    ctx.addName(
      def.id,
      name,
      `${a1(r, FIRST_PERIOD_COL + first, true)}:${a1(r, FIRST_PERIOD_COL + last, true)}`,
    );
    SCENARIOS.forEach((sc, k) => {
      const rr = r + blockRows * (k + 1);
      ctx.labelDriver(s, rr, def);
      for (const pid of periods) {
        const col = FIRST_PERIOD_COL + periodIndex(pid);
        putInput(ctx, s, def, rr, col, k, `${def.id}.${pid}`, pid);
        ((ctx.anchors.seriesInput[def.id] ??= {})[sc.name] ??= {})[pid] = { sheet: name, row: rr, col };
      }
    });
    for (const pid of periods) {
      const col = FIRST_PERIOD_COL + periodIndex(pid);
      const refs = SCENARIOS.map((_, k) => a1(r + blockRows * (k + 1), col));
      s.put({
        row: r,
        col,
        formula: liveFormula(ctx.selectorName, refs[0], refs.slice(1)),
        cached: ctx.model.assumptions.series[def.id]![pid]!,
        style: 'formula',
        format: DRIVER_FORMAT[def.unit],
        what: `driver ${def.id}.${pid}`,
      });
    }
  });
  row = liveStart + blockRows * (SCENARIOS.length + 1);
  // Driver lines: the per-year values the statements read, with the long-range rules.
  s.text(
    row,
    LABEL_COL,
    'Driver lines (as the statements read them; after 12/28E each follows its long-range rule: fade to the terminal value by 12/34E, hold, or none)',
    'section',
  );
  PERIODS.forEach((p, i) => s.text(row, FIRST_PERIOD_COL + i, p.heading, 'header'));
  row++;
  for (const def of LINES.filter((l) => l.section === 'Drivers')) ctx.placeLine(s, row++, def, def.label);
  row++;
  assumptionsRange(ctx, s, row);
  return s;
}

/**
 * An input cell: the base case's value (case 0), or a case's change to it. Overrides apply on top of every case,
 * so an overridden value sits in the base input with no change in any case.
 */
function putInput(
  ctx: PlanContext,
  s: SheetBuilder,
  def: DriverDef,
  row: number,
  col: number,
  k: number,
  key: string,
  period?: PeriodId,
): void {
  const read = (i: number) => (period ? ctx.sets[i].series[def.id]![period]! : ctx.sets[i].scalars[def.id]);
  const base = read(0);
  const scenario = SCENARIOS[k].name;
  s.put({
    row,
    col,
    value: k === 0 ? base : read(k).minus(base),
    style: 'input',
    format: k === 0 ? DRIVER_FORMAT[def.unit] : DELTA_FORMAT[def.unit],
    what: k === 0 ? `${key} (base)` : `${key} (${scenario} change)`,
  });
}

/**
 * The live drivers as id/value pairs (named kcAssumptions), the two-column range that KC.* custom functions take
 * as their [assumptions] argument, so that they follow the scenario selector and every edit. Machine-read: its
 * rows are grouped and collapsed, so they neither clutter the sheet nor print.
 */
function assumptionsRange(ctx: PlanContext, s: SheetBuilder, top: number): void {
  s.text(
    top,
    LABEL_COL,
    'Live drivers as id/value pairs, for KC.* functions (named kcAssumptions; expand the group to see them)',
    'section',
  );
  s.text(top, ID_COL, 'Id', 'header');
  s.text(top, FIRST_PERIOD_COL, 'Live', 'header');
  const pairs: { id: string; ref: string; value: Decimal; unit: DriverDef['unit'] }[] = [];
  for (const def of DRIVERS.filter((d) => d.scope === 'scalar')) {
    const home = ctx.anchors.scalarInput[def.id][SCENARIOS[0].name];
    pairs.push({
      id: def.id,
      ref: a1(home.row, FIRST_PERIOD_COL),
      value: ctx.model.assumptions.scalars[def.id],
      unit: def.unit,
    });
  }
  for (const def of DRIVERS.filter((d) => d.scope !== 'scalar')) {
    const r = ctx.driverRows.get(def.id)!;
    for (const pid of driverPeriods(def)) {
      pairs.push({
        id: `${def.id}.${pid}`,
        ref: a1(r, FIRST_PERIOD_COL + periodIndex(pid)),
        value: ctx.model.assumptions.series[def.id]![pid]!,
        unit: def.unit,
      });
    }
  }
  pairs.forEach((pair, i) => {
    const row = top + 1 + i;
    // The id is the first column of the range: it sits in the id column, shown beside the value.
    s.text(row, ID_COL, pair.id, 'id');
    s.text(row, LABEL_COL, pair.id, 'id');
    s.put({
      row,
      col: FIRST_PERIOD_COL,
      formula: pair.ref,
      cached: pair.value,
      style: 'formula',
      format: DRIVER_FORMAT[pair.unit],
      what: `kcAssumptions ${pair.id}`,
    });
  });
  s.groupRows(top + 1, top + pairs.length);
  ctx.addName(
    'kcAssumptions',
    s.name,
    `${a1(top + 1, ID_COL, true)}:${a1(top + pairs.length, FIRST_PERIOD_COL, true)}`,
  );
}
