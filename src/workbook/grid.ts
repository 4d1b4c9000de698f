/**
 * The WACC x terminal-growth grid of value per ADS (US$) on the DCF sheet, by formulas, equal to the engine's
 * sensitivityGrid (a full re-run at each WACC and growth). Its axes are the model's defaultGridAxes (one
 * definition of the grid's size and steps). Terminal growth reaches FCFF through the long-range fade, so below
 * the grid a block of workings per growth row re-renders every cell on the way from terminal growth to the value
 * per ADS (the same line definitions, with that row's growth in place of the driver); the blocks are grouped and
 * collapsed. Each grid cell is the valuePerAdsUsd definition with the cells that depend on WACC rendered inline,
 * reading its row's workings. The base case (the live WACC and growth) is boxed and carries a note.
 */
import {
  buildModel,
  cellDependencies,
  Decimal,
  defaultGridAxes,
  definitionFor,
  EVALUATION_ORDER,
  LINES,
  PERIODS,
  references,
  sensitivityGrid,
  type Expr,
  type LineDef,
} from '../model';
import { cached, lineDef, PlanContext, SheetBuilder } from './builder';
import { a1, colLetter, FIRST_PERIOD_COL, ID_COL, LABEL_COL, UNIT_COL } from './layout';
import type { CellStyle } from './plan';
import { renderFormula, type RenderContext } from './renderFormula';
import { FORMATS, LINE_FORMAT, UNIT_TEXT } from './styles';

/** Where the grid's values are: grid cell (i, j) for WACC i and growth j is at row `axisRow + 1 + j`, column `firstCol + i`. */
export interface GridPlace {
  sheet: string;
  axisRow: number;
  firstCol: number;
  waccs: Decimal[];
  growths: Decimal[];
}

/** Writes the grid from row `top` down: steps, axes, the grid, and its grouped workings. Returns where the grid is. */
export function gridBlock(ctx: PlanContext, s: SheetBuilder, top: number): GridPlace {
  const name = s.name;
  const options = { scenario: ctx.scenario, overrides: ctx.overrides };
  const { waccs, growths } = defaultGridAxes(options);
  const liveWacc = ctx.model.assumptions.scalars.wacc;
  const liveGrowth = ctx.model.assumptions.scalars.terminalGrowth;
  s.text(
    top,
    LABEL_COL,
    'Value per ADS (US$): WACC (across) x terminal growth (down), by formulas (a full re-run of the model per cell)',
    'section',
  );
  const stepRow = top + 1;
  const axisRow = top + 4;
  // Growth down column D, WACC across from column E: the grid stays within the period columns.
  const axisCol = FIRST_PERIOD_COL;
  const firstCol = FIRST_PERIOD_COL + 1;
  const wAxis = axis(s, waccs, liveWacc, 'wacc', {
    stepAt: { row: stepRow, label: 'WACC step' },
    at: (i) => ({ row: axisRow, col: firstCol + i }),
    format: FORMATS.pct,
    what: (i) => `grid WACC ${i}`,
  });
  const gAxis = axis(s, growths, liveGrowth, 'terminalGrowth', {
    stepAt: { row: stepRow + 1, label: 'Terminal growth step' },
    at: (j) => ({ row: axisRow + 1 + j, col: axisCol }),
    format: FORMATS.pct2,
    what: (j) => `grid growth ${j}`,
  });
  s.text(axisRow, LABEL_COL, 'Terminal growth (down) \\ WACC (across)', 'header');
  const base = wAxis.base >= 0 && gAxis.base >= 0 ? { i: wAxis.base, j: gAxis.base } : undefined;
  s.text(
    stepRow + 2,
    LABEL_COL,
    base
      ? `Boxed: the base case (WACC ${pct(liveWacc, 1)}, terminal growth ${pct(liveGrowth, 2)}), the DCF above.`
      : 'The live WACC or terminal growth lies off the grid (its axes are clamped to the allowed ranges).',
    'note',
  );

  const { workings, viaWacc } = gridDependencies();
  const workingLines = LINES.filter((l) => [...workings].some((k) => k.startsWith(`${l.id}@`)));
  const lineIndex = new Map(workingLines.map((l, i) => [l.id, i]));
  const size = growths.length;
  const headingRow = axisRow + size + 2;
  const blockTop = (j: number) => headingRow + 1 + j * (workingLines.length + 2);
  const workingRow = (j: number, id: string) => blockTop(j) + 1 + lineIndex.get(id)!;
  const keyOf = (id: string, p: number) => (ctx.isScalarLine(id) ? `${id}@-1` : `${id}@${p}`);
  const workingCol = (id: string, p: number) =>
    ctx.isScalarLine(id) ? FIRST_PERIOD_COL : FIRST_PERIOD_COL + p;

  /** A context that reads growth row j's workings wherever a cell depends on terminal growth. */
  const rowContext = (j: number, period: number, w?: string, g?: string): RenderContext => {
    const base = ctx.context(name, period);
    const out: RenderContext = {
      ...base,
      lineRef: (id, p) =>
        workings.has(keyOf(id, p)) ? a1(workingRow(j, id), workingCol(id, p)) : base.lineRef(id, p),
      rangeRef: (id, p0, p1) => {
        for (let p = p0; p <= p1; p++)
          if (workings.has(keyOf(id, p)))
            return `${a1(workingRow(j, id), workingCol(id, p0))}:${a1(workingRow(j, id), workingCol(id, p1))}`;
        return base.rangeRef(id, p0, p1);
      },
      driverRef: (id, p) =>
        id === 'wacc' && w ? w : id === 'terminalGrowth' ? (g ?? gAxis.ref(j)) : base.driverRef(id, p),
    };
    if (w) {
      out.inline = (id, p) => {
        if (!viaWacc.has(keyOf(id, p))) return undefined;
        const target = lineDef(id);
        const period = target.scalar ? -1 : p;
        return renderFormula(
          target.scalar ?? definitionFor(target, PERIODS[p])!,
          rowContext(j, period, w, g),
        );
      };
    }
    return out;
  };

  // Workings: one block per growth row, the engine's model at that growth for the cached values.
  s.text(
    headingRow,
    LABEL_COL,
    'Grid workings: one block per terminal growth row, the cells terminal growth reaches (grouped; expand to see them)',
    'section',
  );
  growths.forEach((g, j) => {
    const safeWacc = Decimal.max(liveWacc, g.plus('0.01')).toString();
    const model = buildModel({
      ...options,
      overrides: { ...ctx.overrides, terminalGrowth: g.toString(), wacc: safeWacc },
    });
    s.text(
      blockTop(j),
      LABEL_COL,
      `Grid workings at terminal growth row ${j + 1} (${a1(axisRow + 1 + j, axisCol)}, ${pct(g, 2)})`,
      'section',
    );
    for (const def of workingLines) {
      const r = workingRow(j, def.id);
      s.text(r, LABEL_COL, def.label, 'label');
      s.text(r, UNIT_COL, UNIT_TEXT[def.unit], 'id');
      s.text(r, ID_COL, def.id, 'id');
      for (const p of def.scalar ? [-1] : PERIODS.map((x) => x.index)) {
        if (!workings.has(`${def.id}@${p}`)) continue;
        const expr = def.scalar ?? definitionFor(def, PERIODS[p])!;
        s.put({
          row: r,
          col: def.scalar ? FIRST_PERIOD_COL : FIRST_PERIOD_COL + p,
          formula: renderFormula(expr, rowContext(j, p)),
          cached: cached(model.value(def.id, PERIODS[Math.max(p, 1)].id)),
          style: 'formula',
          format: LINE_FORMAT[def.unit],
          what: `grid workings ${j} ${def.id}@${p}`,
        });
      }
    }
  });
  s.groupRows(headingRow + 1, blockTop(size - 1) + workingLines.length);

  const values = sensitivityGrid(options, waccs.map(String), growths.map(String));
  const valueDef = lineDef('valuePerAdsUsd');
  growths.forEach((g, j) =>
    waccs.forEach((w, i) => {
      const row = axisRow + 1 + j;
      const col = firstCol + i;
      const wRef = `${colLetter(col)}$${axisRow}`;
      const gRef = `$${colLetter(axisCol)}${row}`;
      const body = renderFormula(valueDef.scalar!, rowContext(j, -1, wRef, gRef));
      const isBase = base !== undefined && base.i === i && base.j === j;
      const style: CellStyle = isBase ? 'base' : 'formula';
      s.put({
        row,
        col,
        formula: `IF(${wRef}<=${gRef},"NM",${body})`,
        cached: cached(values[j][i]),
        style,
        format: FORMATS.perAds,
        what: `grid g=${g.toString()} wacc=${w.toString()}`,
        ...(isBase
          ? {
              comment: `Base case: WACC ${pct(w, 1)} and terminal growth ${pct(g, 2)}, the live drivers; equals the DCF's value per ADS.`,
            }
          : {}),
      });
    }),
  );
  return { sheet: name, axisRow, firstCol, waccs, growths };
}

interface AxisPlace {
  stepAt: { row: number; label: string };
  at: (i: number) => { row: number; col: number };
  format: string;
  what: (i: number) => string;
}

/**
 * One axis: its step as an input cell and its values as formulas. When the axis passes through the live driver,
 * that cell reads the driver's name and its neighbours step out from it, so the grid follows every edit; an axis
 * that does not (clamped at a limit) starts from its first value as an input.
 */
function axis(
  s: SheetBuilder,
  values: Decimal[],
  live: Decimal,
  driver: string,
  place: AxisPlace,
): { base: number; ref: (i: number) => string } {
  const step = values.length > 1 ? values[1].minus(values[0]) : new Decimal(0);
  s.text(place.stepAt.row, LABEL_COL, place.stepAt.label, 'label');
  s.put({
    row: place.stepAt.row,
    col: FIRST_PERIOD_COL,
    value: step,
    style: 'input',
    format: FORMATS.pct2,
    what: `${place.stepAt.label}`,
  });
  const stepRef = a1(place.stepAt.row, FIRST_PERIOD_COL, true);
  const base = values.findIndex((v) => v.equals(live));
  const anchor = Math.max(base, 0);
  values.forEach((v, i) => {
    const { row, col } = place.at(i);
    const near = place.at(i < anchor ? i + 1 : i - 1);
    const formula =
      i === anchor
        ? base >= 0
          ? driver
          : undefined
        : `${a1(near.row, near.col)}${i < anchor ? '-' : '+'}${stepRef}`;
    if (formula === undefined) {
      s.put({ row, col, value: v, style: 'input', format: place.format, what: place.what(i) });
      return;
    }
    s.put({ row, col, formula, cached: v, style: 'formula', format: place.format, what: place.what(i) });
  });
  return {
    base,
    ref: (i) => {
      const { row, col } = place.at(i);
      return `$${colLetter(col)}$${row}`;
    },
  };
}

function pct(value: Decimal, decimals: number): string {
  return `${value.times(100).toFixed(decimals)}%`;
}

/**
 * The cells the grid re-renders: `viaWacc`, every cell whose value depends on WACC (rendered inline in each grid
 * cell); `workings`, every other cell on the way from terminal growth to the value per ADS (one block per growth
 * row). Keys are "id@period", "id@-1" for scalar lines.
 */
function gridDependencies(): { workings: Set<string>; viaWacc: Set<string> } {
  const exprOf = (def: LineDef, period: number): Expr =>
    period < 0 ? def.scalar! : definitionFor(def, PERIODS[period])!;
  const depends = (driver: string): Set<string> => {
    const out = new Set<string>();
    for (const cell of EVALUATION_ORDER) {
      const def = LINES[cell.line];
      const expr = exprOf(def, cell.period);
      const hit =
        references(expr).some((r) => r.kind === 'drv' && r.id === driver) ||
        cellDependencies(def, cell.period, expr).some((d) => out.has(`${LINES[d.line].id}@${d.period}`));
      if (hit) out.add(`${def.id}@${cell.period}`);
    }
    return out;
  };
  const needed = new Set<string>();
  const visit = (line: number, period: number) => {
    const def = LINES[line];
    const key = `${def.id}@${period}`;
    if (needed.has(key)) return;
    needed.add(key);
    for (const d of cellDependencies(def, period, exprOf(def, period))) visit(d.line, d.period);
  };
  visit(LINES.indexOf(lineDef('valuePerAdsUsd')), -1);
  const viaWacc = depends('wacc');
  const viaGrowth = depends('terminalGrowth');
  const workings = new Set([...viaGrowth].filter((k) => needed.has(k) && !viaWacc.has(k)));
  return { workings, viaWacc: new Set([...viaWacc].filter((k) => needed.has(k))) };
}
