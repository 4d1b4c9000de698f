/**
 * The Checks sheet: the master check, each structural check (a difference that must be zero) by period with its
 * largest difference and a PASS/FAIL, and every figure the note publishes beside the model's with a PASS/FAIL.
 * Differences print in fixed point (no scientific notation): a difference within the tolerance shows as zero (so
 * that arithmetic noise never prints as 3.0E-35 or (0.0)); the results and the master check read the unrounded cells.
 */
import {
  CHECK_TOLERANCE,
  Decimal,
  LAST_PERIOD,
  LINES,
  NOTE_PERIOD_IDS,
  NOTE_TABLE_LAYOUTS,
  PERIODS,
  type LineDef,
} from '../model';
import { cached, lineDef, PlanContext, periodWidths, SheetBuilder } from './builder';
import {
  a1,
  FIRST_PERIOD_COL,
  HEADER_ROWS,
  ID_COL,
  LABEL_COL,
  periodIndex,
  SHEET_NAMES,
  UNIT_COL,
} from './layout';
import type { PlanValue } from './plan';
import { parsePublished, PUBLISHED_ROWS } from './publishedFigures';
import { FORMATS, LINE_FORMAT } from './styles';

/** The structural checks' tolerance, the model's own (one value everywhere). */
const TOLERANCE = new Decimal(CHECK_TOLERANCE);

/** Builds the Checks sheet and places the check lines; `fill` writes the results and returns the master check. */
export function checksSheet(ctx: PlanContext): { sheet: SheetBuilder; fill: () => boolean } {
  const name = SHEET_NAMES.checks;
  const maxCol = FIRST_PERIOD_COL + PERIODS.length;
  const resultCol = maxCol + 1;
  const s = new SheetBuilder(name, [...periodWidths(60), 14, 9], { rows: HEADER_ROWS, cols: 3 });
  // The published figures below have their own columns: only the title and note repeat on each printed page.
  s.print = { ...s.print, titleRows: { from: 1, to: 2 } };
  ctx.header(
    s,
    'Checks',
    "Structural checks (differences that must be zero, Rmb mn) and every published figure of the note beside the model's.",
    'Check',
  );
  s.text(HEADER_ROWS, maxCol, 'Max |diff|', 'header');
  s.text(HEADER_ROWS, resultCol, 'Result', 'header');
  const masterRow = HEADER_ROWS + 1;
  const tolRow = masterRow + 1;
  s.text(masterRow, LABEL_COL, 'Master check: every structural check within tolerance');
  s.text(tolRow, LABEL_COL, "Tolerance (in each check's unit: Rmb mn, or a fraction for growth)");
  s.put({
    row: tolRow,
    col: FIRST_PERIOD_COL,
    value: TOLERANCE,
    style: 'input',
    format: FORMATS.difference,
    what: 'check tolerance',
  });
  ctx.addName('checkTolerance', name, a1(tolRow, FIRST_PERIOD_COL, true));
  ctx.addName('masterCheck', name, a1(masterRow, FIRST_PERIOD_COL, true));
  ctx.anchors.masterCheck = { sheet: name, row: masterRow, col: FIRST_PERIOD_COL };
  let row = tolRow + 2;
  s.text(row++, LABEL_COL, 'Structural checks (a difference within the tolerance shows as 0)', 'section');
  const checkLines = LINES.filter((l) => l.section === 'Checks');
  const displayRows = new Map(checkLines.map((def) => [def.id, row++]));
  // The model's check lines, unrounded: what the maximum, the results and the master check read.
  s.text(row++, LABEL_COL, "Unrounded differences: the model's check lines (grouped)", 'section');
  const lineRows = new Map<string, number>();
  for (const def of checkLines) {
    // A single-value check (the steady state of 12/35E) sits in the last period's column.
    if (def.scalar) ctx.placeScalarLine(s, row, def, FIRST_PERIOD_COL + LAST_PERIOD.index);
    else ctx.placeLine(s, row, def, def.label);
    lineRows.set(def.id, row++);
  }
  s.groupRows(lineRows.get(checkLines[0].id)!, row - 1);
  const publishedTop = row + 1;

  const fill = (): boolean => {
    let allOk = true;
    const passRefs: string[] = [];
    for (const def of checkLines) {
      const r = displayRows.get(def.id)!;
      const source = lineRows.get(def.id)!;
      ctx.labelLine(s, r, def, def.label);
      if (def.scalar) ctx.fillScalarLine(s, def);
      const series = def.scalar
        ? [{ period: LAST_PERIOD.id, value: ctx.model.value(def.id, LAST_PERIOD.id) }]
        : ctx.model.series(def.id);
      for (const { period, value } of series) {
        const col = FIRST_PERIOD_COL + periodIndex(period);
        const x = a1(source, col);
        s.put({
          row: r,
          col,
          formula: `IF(ISTEXT(${x}),"NM",IF(ABS(${x})<=checkTolerance,0,${x}))`,
          cached: value === null ? 'NM' : value.abs().lessThanOrEqualTo(TOLERANCE) ? new Decimal(0) : value,
          style: 'formula',
          format: FORMATS.difference,
          what: `shown ${def.id}@${period}`,
        });
      }
      const cols = series.map((p) => FIRST_PERIOD_COL + periodIndex(p.period));
      const range = `${a1(source, Math.min(...cols))}:${a1(source, Math.max(...cols))}`;
      const numbers = series.flatMap((v) => (v.value === null ? [] : [v.value.abs()]));
      const max = numbers.reduce((m, v) => Decimal.max(m, v), new Decimal(0));
      // A check that cannot be computed (NM) fails: COUNT counts the numbers among the cells.
      const ok = numbers.length === series.length && max.lessThanOrEqualTo(TOLERANCE);
      allOk &&= ok;
      s.put({
        row: r,
        col: maxCol,
        formula: `MAX(MAX(${range}),-MIN(${range}))`,
        cached: max,
        style: 'formula',
        format: FORMATS.difference,
        what: `max |${def.id}|`,
      });
      s.put({
        row: r,
        col: resultCol,
        formula: `IF(AND(COUNT(${range})=COLUMNS(${range}),${a1(r, maxCol)}<=checkTolerance),"PASS","FAIL")`,
        cached: ok ? 'PASS' : 'FAIL',
        style: 'check',
        what: `result ${def.id}`,
      });
      passRefs.push(`${a1(r, resultCol)}="PASS"`);
    }
    s.put({
      row: masterRow,
      col: FIRST_PERIOD_COL,
      formula: `AND(${passRefs.join(',')})`,
      cached: allOk,
      style: 'check',
      what: 'master check',
    });
    s.put({
      row: masterRow,
      col: FIRST_PERIOD_COL + 1,
      formula: `IF(${a1(masterRow, FIRST_PERIOD_COL)},"PASS","FAIL")`,
      cached: allOk ? 'PASS' : 'FAIL',
      style: 'check',
      what: 'master check result',
    });
    published(ctx, s, publishedTop);
    return allOk;
  };
  return { sheet: s, fill };
}

/** A fixed-point format with `places` decimals (percent when `pct`), zero without a sign. */
function fixed(places: number, pct: boolean): string {
  const body = `0${places > 0 ? '.' + '0'.repeat(places) : ''}${pct ? '%' : ''}`;
  const num = pct ? body : `#,##${body}`;
  return `${num}_);(${num});${body}_)`;
}

/** Every figure of the note's tables beside the model's, rounded as the note rounds, with the difference. */
function published(ctx: PlanContext, s: SheetBuilder, top: number): void {
  s.text(
    top,
    LABEL_COL,
    'Published figures: the note beside the model (percentages as fractions); a figure passes when the model lies within its printed rounding (half a unit of the last printed decimal)',
    'section',
  );
  const [cPeriod, cId, cPrinted, cPub, cDec, cModel, cHalf, cDiff, cMatch] = [
    UNIT_COL,
    ID_COL,
    4,
    5,
    6,
    7,
    8,
    9,
    10,
  ];
  const headings: [number, string][] = [
    [cPeriod, 'Period'],
    [cId, 'Id'],
    [cPrinted, 'Printed'],
    [cPub, 'Published'],
    [cDec, 'Decimals'],
    [cModel, 'Model'],
    [cHalf, 'Half unit'],
    [cDiff, 'Difference'],
    [cMatch, 'Result'],
  ];
  // Each note table starts with its own column headings: the sheet's printed title rows are its title and note.
  let row = top + 1;
  const first = row;
  let matches = 0;
  let table = '';
  for (const pr of PUBLISHED_ROWS) {
    if (pr.table !== table) {
      table = pr.table;
      s.text(row, LABEL_COL, table, 'section');
      headings.forEach(([col, text]) => s.text(row, col, text, 'header'));
      row++;
    }
    const layout = NOTE_TABLE_LAYOUTS.find((t) => t.name === pr.table);
    const lineId = layout?.rows.find((r) => r.label === pr.label)?.line;
    if (!lineId) throw new Error(`The note's "${pr.table} | ${pr.label}" has no line in the model`);
    const def: LineDef = lineDef(lineId);
    const pct = def.unit === 'pct';
    NOTE_PERIOD_IDS.forEach((pid, k) => {
      const printed = pr.cells[k];
      const cell = parsePublished(printed);
      const home = ctx.lineCell(lineId, periodIndex(pid));
      const modelValue = ctx.model.value(lineId, pid);
      s.text(row, LABEL_COL, pr.label, 'label');
      s.text(row, cPeriod, PERIODS[periodIndex(pid)].heading, 'id');
      s.text(row, cId, lineId, 'id');
      s.text(row, cPrinted, printed, 'id');
      const format = LINE_FORMAT[def.unit];
      const decimals = cell.kind === 'NM' ? 0 : cell.decimals + (pct ? 2 : 0);
      const value: PlanValue = cell.kind === 'NM' ? 'NM' : new Decimal(cell.value).div(pct ? 100 : 1);
      s.put({ row, col: cPub, value, style: 'input', format, what: `published ${lineId}@${pid}` });
      s.put({
        row,
        col: cDec,
        value: new Decimal(decimals),
        style: 'input',
        format: FORMATS.integer,
        what: `decimals ${lineId}@${pid}`,
      });
      const [P, D, M, H] = [a1(row, cPub), a1(row, cDec), a1(row, cModel), a1(row, cHalf)];
      s.put({
        row,
        col: cModel,
        formula: ctx.ref(s.name, home.sheet, home.row, home.col),
        cached: cached(modelValue),
        style: 'link',
        format,
        what: `model ${lineId}@${pid}`,
      });
      const half = new Decimal(10).pow(-decimals).div(2);
      s.put({
        row,
        col: cHalf,
        formula: `10^(-${D})/2`,
        cached: half,
        style: 'formula',
        format: fixed(decimals + 1, false),
        what: `half unit ${lineId}@${pid}`,
      });
      const diff = modelValue === null || typeof value === 'string' ? null : modelValue.minus(value);
      // Two decimals past the printed figure's; noise within the tolerance shows as 0, never as (0.000).
      s.put({
        row,
        col: cDiff,
        formula: `IF(OR(ISTEXT(${M}),ISTEXT(${P})),"NM",IF(ABS(${M}-${P})<=checkTolerance,0,${M}-${P}))`,
        cached: diff === null ? 'NM' : diff.abs().lessThanOrEqualTo(TOLERANCE) ? new Decimal(0) : diff,
        style: 'formula',
        format: fixed(decimals + 2 - (pct ? 2 : 0), pct),
        what: `difference ${lineId}@${pid}`,
      });
      const ok =
        typeof value === 'string'
          ? modelValue === null
          : modelValue !== null && diff !== null && diff.abs().lessThanOrEqualTo(half.plus(TOLERANCE));
      if (ok) matches++;
      s.put({
        row,
        col: cMatch,
        formula: `IF(ISTEXT(${P}),IF(ISTEXT(${M}),"PASS","FAIL"),IF(ISTEXT(${M}),"FAIL",IF(ABS(${M}-${P})<=${H}+checkTolerance,"PASS","FAIL")))`,
        cached: ok ? 'PASS' : 'FAIL',
        style: 'check',
        what: `match ${lineId}@${pid}`,
      });
      row++;
    });
  }
  const matchRange = `${a1(first, cMatch)}:${a1(row - 1, cMatch)}`;
  s.text(top, cHalf, 'Passed', 'header');
  s.put({
    row: top,
    col: cDiff,
    formula: `COUNTIF(${matchRange},"PASS")`,
    cached: new Decimal(matches),
    style: 'formula',
    format: FORMATS.integer,
    what: 'figures reproduced',
  });
  s.put({
    row: top,
    col: cMatch,
    formula: `COUNTIF(${matchRange},"PASS")+COUNTIF(${matchRange},"FAIL")`,
    cached: new Decimal(PUBLISHED_ROWS.length * NOTE_PERIOD_IDS.length),
    style: 'formula',
    format: FORMATS.integer,
    what: 'figures compared',
  });
  ctx.addName('figuresReproduced', s.name, a1(top, cDiff, true));
}
