/**
 * The DCF sheet: free cash flow to the firm and its discounting by period, the terminal value and the bridge to
 * a value per ADS, then the WACC x terminal-growth grid (grid.ts) with its workings grouped and collapsed.
 */
import { LINES } from '../model';
import { PlanContext, periodWidths, SheetBuilder } from './builder';
import { gridBlock, type GridPlace } from './grid';
import { FIRST_PERIOD_COL, HEADER_ROWS, LABEL_COL, SHEET_NAMES } from './layout';

/**
 * Builds the DCF sheet and places its lines; `fill` writes the scalar lines and the grid once all lines are placed,
 * and says where the grid is.
 */
export function dcfSheet(ctx: PlanContext): { sheet: SheetBuilder; fill: () => GridPlace } {
  const s = new SheetBuilder(SHEET_NAMES.dcf, periodWidths(44), { rows: HEADER_ROWS, cols: 3 });
  // The valuation reads as one page: the grid's workings are grouped and collapsed, so they do not print.
  s.print = { ...s.print, onePage: true };
  ctx.header(
    s,
    'DCF',
    'Rmb mn unless stated. Unlevered FCFF 12/26E-12/35E discounted at the WACC to 31 Dec 2025; 12/35E is a steady state, the base of the Gordon growth terminal value.',
  );
  let row = HEADER_ROWS + 1;
  s.text(row++, LABEL_COL, 'Free cash flow to the firm and discounting', 'section');
  const dcfLines = LINES.filter((l) => l.section === 'DCF');
  for (const def of dcfLines.filter((l) => !l.scalar)) ctx.placeLine(s, row++, def, def.label);
  row++;
  s.text(row, LABEL_COL, 'Terminal value, enterprise value and the bridge to a value per ADS', 'section');
  s.text(row++, FIRST_PERIOD_COL, 'Value', 'header');
  const scalars = dcfLines.filter((l) => l.scalar);
  for (const def of scalars) ctx.placeScalarLine(s, row++, def);
  const gridTop = row + 1;
  const fill = () => {
    for (const def of scalars) ctx.fillScalarLine(s, def);
    return gridBlock(ctx, s, gridTop);
  };
  return { sheet: s, fill };
}
