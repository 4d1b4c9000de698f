/**
 * A1 addresses as the task pane writes and reads them: cells, rectangles, sheet-qualified references in names.
 */
import { a1 } from '../workbook/plan';

export { a1 };

/** A rectangle of cells, 1-based and inclusive. */
export interface Rect {
  row1: number;
  col1: number;
  row2: number;
  col2: number;
}

/** A sheet name quoted for a formula: 'Balance Sheet', 'It''s'. */
export function quoteSheet(sheet: string): string {
  return `'${sheet.replace(/'/g, "''")}'`;
}

/** "A1:C3" (or "$A$1:$C$3"); one cell as "A1". */
export function rectAddress(r: Rect, absolute = false): string {
  const from = a1(r.row1, r.col1, absolute);
  return r.row1 === r.row2 && r.col1 === r.col2 ? from : `${from}:${a1(r.row2, r.col2, absolute)}`;
}

/** "='Sheet'!$A$1:$C$3" for a name. */
export function sheetRef(sheet: string, r: Rect): string {
  return `=${quoteSheet(sheet)}!${rectAddress(r, true)}`;
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** Parses "B3", "$B$3:$D$9" into a rectangle, or null. */
export function parseRect(text: string): Rect | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(text.trim());
  if (!m) return null;
  const r = {
    row1: Number(m[2]),
    col1: colNumber(m[1]),
    row2: Number(m[4] ?? m[2]),
    col2: colNumber(m[3] ?? m[1]),
  };
  return r.row1 <= r.row2 && r.col1 <= r.col2 ? r : null;
}

/**
 * The sheet and rectangle of a name's formula ("='Balance Sheet'!$A$1:$P$40", "=DCF!$D$9"), or null when it is not
 * one rectangle on one sheet (#REF! after the sheet or the cells were deleted, a constant, a union).
 */
export function parseSheetRef(formula: string): { sheet: string; rect: Rect } | null {
  const m = /^=?(?:'((?:[^']|'')+)'|([^'!#=]+))!([$A-Za-z0-9:]+)$/.exec(formula.trim());
  if (!m) return null;
  const rect = parseRect(m[3]);
  if (!rect) return null;
  return { sheet: m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2], rect };
}

/** The smallest rectangle holding both. */
export function union(a: Rect, b: Rect): Rect {
  return {
    row1: Math.min(a.row1, b.row1),
    col1: Math.min(a.col1, b.col1),
    row2: Math.max(a.row2, b.row2),
    col2: Math.max(a.col2, b.col2),
  };
}

/**
 * Covers a set of cells ("row,col" keys) with few rectangles: runs of adjacent columns in a row, then runs of rows
 * with the same column span merged downwards.
 */
export function coverCells(cells: Iterable<string>): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const k of cells) {
    const [r, c] = k.split(',').map(Number);
    let cols = byRow.get(r);
    if (!cols) byRow.set(r, (cols = []));
    cols.push(c);
  }
  const open = new Map<string, Rect>();
  const out: Rect[] = [];
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const cols = [...new Set(byRow.get(row)!)].sort((a, b) => a - b);
    const spans: [number, number][] = [];
    for (const c of cols) {
      const last = spans[spans.length - 1];
      if (last && last[1] === c - 1) last[1] = c;
      else spans.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [c1, c2] of spans) {
      const k = `${c1}:${c2}`;
      const prev = open.get(k);
      if (prev && prev.row2 === row - 1) {
        prev.row2 = row;
        next.set(k, prev);
        open.delete(k);
      } else {
        const rect = { row1: row, col1: c1, row2: row, col2: c2 };
        out.push(rect);
        next.set(k, rect);
      }
    }
    open.clear();
    for (const [k, v] of next) open.set(k, v);
  }
  return out;
}
