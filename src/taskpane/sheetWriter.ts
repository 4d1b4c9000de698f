/// <reference types="office-js" />
/**
 * Queues one plan sheet's cells and looks on a worksheet: values and formulas as 2D blocks (number formats first, so
 * text lands in text-formatted cells and Excel does not read "12/25" as a date), cell looks as multi-area ranges
 * (src/workbook/styles.ts: fonts, colours, fills, rules and boxes), wrapped text, row heights, column widths, frozen
 * panes and gridlines. Outline groups, comments and print setup are left to the .xlsx writer (ExcelApi 1.10). Cells in `skip` (the Assumptions inputs, written in a later round trip)
 * are left alone; every other cell of the area is written, so what an older layout left there is cleared.
 * Each function returns its estimate of the JSON size it queued.
 */
import { COLOURS, FONT, lookOf, type CellLook } from '../workbook/styles';
import { colLetter, toCell, type CellStyle, type PlanCell, type PlanSheet } from '../workbook/plan';
import { a1, coverCells, rectAddress, type Rect } from './addresses';
import type { CellValue } from './modelState';

/** Multi-area addresses must stay under Excel's 8,192-character limit for an address. */
const AREAS_LIMIT = 8000;
/** Per-request overhead of Office.js's JSON protocol, for the size estimates. */
const REQUEST = 150;

/** Excel column width in points for a width in characters (7 px a character plus 5 px padding, 0.75 pt a px). */
export function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

/** What a cell holds, for Range.formulas: "=..." for formulas, the value, or "" (cleared). */
function content(cell: PlanCell | undefined, override?: CellValue): CellValue {
  if (override !== undefined) return override;
  if (!cell) return '';
  if (cell.formula !== undefined) return `=${cell.formula}`;
  return toCell(cell.value);
}

function numberFormat(cell: PlanCell | undefined, value: CellValue): string {
  if (cell?.format) return cell.format;
  return typeof value === 'string' && value !== '' && !value.startsWith('=') ? '@' : 'General';
}

function cellMap(sheet: PlanSheet): Map<string, PlanCell> {
  return new Map(sheet.cells.map((c) => [`${c.row},${c.col}`, c]));
}

function queueRects(
  ws: Excel.Worksheet,
  cells: Map<string, PlanCell>,
  rects: Rect[],
  overrides?: ReadonlyMap<string, CellValue>,
): number {
  let bytes = 0;
  for (const r of rects) {
    const formulas: CellValue[][] = [];
    const formats: string[][] = [];
    for (let row = r.row1; row <= r.row2; row++) {
      const f: CellValue[] = [];
      const n: string[] = [];
      for (let col = r.col1; col <= r.col2; col++) {
        const k = `${row},${col}`;
        const v = content(cells.get(k), overrides?.get(k));
        f.push(v);
        n.push(numberFormat(cells.get(k), v));
      }
      formulas.push(f);
      formats.push(n);
    }
    const range = ws.getRange(rectAddress(r));
    range.numberFormat = formats;
    range.formulas = formulas;
    bytes += JSON.stringify(formats).length + JSON.stringify(formulas).length + 2 * REQUEST;
  }
  return bytes;
}

/** Queues the cells of `area` (plan cells and blanks) except those in `skip` ("row,col"). */
export function queueSheetCells(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  area: Rect,
  skip: ReadonlySet<string>,
): number {
  const keys: string[] = [];
  for (let row = area.row1; row <= area.row2; row++)
    for (let col = area.col1; col <= area.col2; col++) {
      const k = `${row},${col}`;
      if (!skip.has(k)) keys.push(k);
    }
  return queueRects(ws, cellMap(sheet), coverCells(keys));
}

/** Queues only the given cells ("row,col"): the plan's content, or `overrides` (the user's carried edits). */
export function queueCells(
  ws: Excel.Worksheet,
  sheet: PlanSheet,
  cells: ReadonlySet<string>,
  overrides: ReadonlyMap<string, CellValue>,
): number {
  return queueRects(ws, cellMap(sheet), coverCells(cells), overrides);
}

/** Groups cells by look into multi-area addresses (row segments merged down), each under AREAS_LIMIT. */
function styleAreas(sheet: PlanSheet): { look: CellLook; addresses: string[] }[] {
  const lookKey = (c: PlanCell) => (c.style === 'header' && c.col >= 4 ? 'header-right' : c.style);
  const byLook = new Map<string, string[]>();
  for (const c of sheet.cells) {
    const k = lookKey(c);
    let list = byLook.get(k);
    if (!list) byLook.set(k, (list = []));
    list.push(`${c.row},${c.col}`);
  }
  const out: { look: CellLook; addresses: string[] }[] = [];
  for (const [k, cells] of byLook) {
    const look = k === 'header-right' ? lookOf('header', 4) : lookOf(k as CellStyle, 1);
    if (!Object.keys(look).length) continue;
    const addresses: string[] = [];
    let current = '';
    for (const rect of coverCells(cells)) {
      const area = rectAddress(rect);
      if (current && current.length + area.length + 1 > AREAS_LIMIT) {
        addresses.push(current);
        current = '';
      }
      current = current ? `${current},${area}` : area;
    }
    if (current) addresses.push(current);
    out.push({ look, addresses });
  }
  return out;
}

/**
 * Queues the sheet's looks over `area`: the font, each cell style's look, column widths, frozen panes, no gridlines.
 * With `reset`, the area's formats are cleared first (an update in place: what an older layout styled goes).
 */
export function queueSheetLooks(ws: Excel.Worksheet, sheet: PlanSheet, area: Rect, reset: boolean): number {
  let bytes = 0;
  const whole = ws.getRange(rectAddress(area));
  if (reset) {
    whole.clear('Formats');
    ws.freezePanes.unfreeze();
    bytes += 2 * REQUEST;
  }
  whole.format.font.name = FONT.name;
  whole.format.font.size = FONT.size;
  bytes += 2 * REQUEST;
  for (const { look, addresses } of styleAreas(sheet)) {
    for (const address of addresses) {
      const areas = ws.getRanges(address);
      if (look.color) areas.format.font.color = `#${look.color}`;
      if (look.bold) areas.format.font.bold = true;
      if (look.italic) areas.format.font.italic = true;
      if (look.size) areas.format.font.size = look.size;
      if (look.fill) areas.format.fill.color = `#${look.fill}`;
      if (look.alignRight) areas.format.horizontalAlignment = 'Right';
      // A box: a medium black border all round; an underline: a thin grey rule below (as the .xlsx writer draws).
      const edges = look.box
        ? ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight']
        : look.underline
          ? ['EdgeBottom']
          : [];
      for (const edge of edges) {
        const border = areas.format.borders.getItem(edge as Excel.BorderIndex);
        border.style = 'Continuous';
        border.weight = look.box ? 'Medium' : 'Thin';
        border.color = `#${look.box ? COLOURS.formula : COLOURS.rule}`;
      }
      bytes += (address.length + REQUEST) * (Object.keys(look).length + 3 * edges.length);
    }
  }
  const wrapped = coverCells(sheet.cells.filter((c) => c.wrap).map((c) => `${c.row},${c.col}`));
  if (wrapped.length) {
    const areas = ws.getRanges(wrapped.map((r) => rectAddress(r)).join(','));
    areas.format.wrapText = true;
    areas.format.verticalAlignment = 'Top';
    bytes += 2 * REQUEST;
  }
  for (const [row, height] of Object.entries(sheet.heights ?? {})) {
    ws.getRange(`${row}:${row}`).format.rowHeight = height;
    bytes += REQUEST;
  }
  // Column widths, equal neighbours together.
  for (let i = 0; i < sheet.widths.length;) {
    let j = i;
    while (j + 1 < sheet.widths.length && sheet.widths[j + 1] === sheet.widths[i]) j++;
    ws.getRange(`${colLetter(i + 1)}:${colLetter(j + 1)}`).format.columnWidth = widthPoints(sheet.widths[i]);
    bytes += REQUEST;
    i = j + 1;
  }
  const { rows, cols } = sheet.freeze;
  if (rows && cols) ws.freezePanes.freezeAt(`A1:${a1(rows, cols)}`);
  else if (rows) ws.freezePanes.freezeRows(rows);
  else if (cols) ws.freezePanes.freezeColumns(cols);
  ws.showGridlines = false;
  return bytes + 2 * REQUEST;
}
