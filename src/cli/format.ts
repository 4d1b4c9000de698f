import type { Decimal, LineUnit, Value } from '../model';
import { cut } from '../model/errors';

/** The width every text output fits by default (the widest line, in characters). */
export const TEXT_WIDTH = 100;

/** Decimal places the note prints for each unit (percentages after x100). */
const DECIMALS: Record<LineUnit, number> = {
  rmbMn: 1,
  pct: 1,
  rmbPerAds: 2,
  usdPerAds: 2,
  multiple: 1,
  days: 1,
  mnAds: 2,
  years: 1,
  factor: 4,
};

const UNIT_LABELS: Record<LineUnit, string> = {
  rmbMn: 'Rmb mn',
  pct: '%',
  rmbPerAds: 'Rmb/ADS',
  usdPerAds: 'US$/ADS',
  multiple: 'x',
  days: 'days',
  mnAds: 'mn ADS',
  years: 'years',
  factor: 'factor',
};

/** How a unit reads in a column header: "%" for percentages, "Rmb mn", "x", ... */
export function unitLabel(unit: LineUnit): string {
  return UNIT_LABELS[unit] ?? unit;
}

/** A value as the note prints it: percentages x100, the unit's decimals, "NM" for null; `grouping` adds thousands separators. */
export function formatValue(value: Value, unit: LineUnit, grouping: boolean): string {
  if (value === null) return 'NM';
  const shown = (unit === 'pct' ? value.times(100) : value).toFixed(DECIMALS[unit] ?? 2);
  const text = /^-0(\.0*)?$/.test(shown) ? shown.slice(1) : shown;
  return grouping ? groupThousands(text) : text;
}

/** A fraction as a percentage with `decimals` places, e.g. 0.103 -> "10.30%". */
export function formatPercent(value: Decimal, decimals: number): string {
  return `${value.times(100).toFixed(decimals)}%`;
}

/** A Decimal as a JSON number, null staying null. */
export function toNumber(value: Value): number | null {
  return value === null ? null : value.toNumber();
}

function groupThousands(text: string): string {
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/** A column of a text table; at most one column `wraps`: it narrows (its cells wrap onto more lines) to fit a width. */
export interface Column {
  header: string;
  align: 'left' | 'right';
  wraps?: boolean;
  /** At least this wide, so that tables printed one after another line up. */
  minWidth?: number;
}

/** The narrowest a wrapping column gets, however tight the width. */
const NARROWEST_WRAP = 12;

/**
 * Lines of a text table: columns padded to their widest cell and two spaces apart. A row given as a string
 * (a group heading) is printed as it is and does not widen the columns. With a `width`, the wrapping column
 * narrows until the table fits (never below 12 characters).
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[] | string)[],
  width = Infinity,
): string[] {
  const widths = columns.map((column, i) =>
    Math.max(
      column.minWidth ?? 0,
      column.header.length,
      ...rows.map((row) => (typeof row === 'string' ? 0 : row[i].length)),
    ),
  );
  const wrapping = columns.findIndex((column) => column.wraps);
  const total = widths.reduce((sum, w) => sum + w, 0) + 2 * (columns.length - 1);
  if (wrapping >= 0 && total > width)
    widths[wrapping] = Math.max(NARROWEST_WRAP, widths[wrapping] - (total - width));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i].align === 'left' ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  const lines = (cells: readonly string[]): string[] => {
    if (wrapping < 0) return [line(cells)];
    const [first, ...more] = wrapWords(cells[wrapping], widths[wrapping]);
    const blank = cells.map(() => '');
    return [
      line(cells.map((cell, i) => (i === wrapping ? first : cell))),
      ...more.map((part) => line(blank.map((cell, i) => (i === wrapping ? part : cell)))),
    ];
  };
  return [
    ...lines(columns.map((c) => c.header)),
    ...rows.flatMap((row) => (typeof row === 'string' ? [row] : lines(row))),
  ];
}

/** Text broken into lines of at most `width` characters at spaces (a longer word is split); "" gives [""]. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (let rest = word; rest.length > 0;) {
      const room = current ? width - current.length - 1 : width;
      if (rest.length <= room) {
        current = current ? `${current} ${rest}` : rest;
        rest = '';
      } else if (current) {
        lines.push(current);
        current = '';
      } else {
        lines.push(rest.slice(0, width));
        rest = rest.slice(width);
      }
    }
  }
  return current !== '' || lines.length === 0 ? [...lines, current] : lines;
}

/** Prose wrapped to TEXT_WIDTH. */
export function paragraph(text: string): string[] {
  return wrapWords(text, TEXT_WIDTH);
}

/** One CSV record (RFC 4180): cells with a comma, quote or line break are quoted. */
export function csvRecord(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

/** "wacc=0.12, revenueGrowth.2027E=20%", or "none"; each value cut to 80 characters. */
export function describeOverrides(overrides: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(overrides).map(([id, value]) => `${id}=${cut(value)}`);
  return pairs.length ? pairs.join(', ') : 'none';
}
