import type { Decimal, LineUnit, Value } from '../model';

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
  return UNIT_LABELS[unit];
}

/** A value as the note prints it: percentages x100, the unit's decimals, "NM" for null; `grouping` adds thousands separators. */
export function formatValue(value: Value, unit: LineUnit, grouping: boolean): string {
  if (value === null) return 'NM';
  const shown = (unit === 'pct' ? value.times(100) : value).toFixed(DECIMALS[unit]);
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

/** A column of a text table. */
export interface Column {
  header: string;
  align: 'left' | 'right';
}

/**
 * Lines of a text table: columns padded to their widest cell and two spaces apart. A row given as a
 * string (a group heading) is printed as it is and does not widen the columns.
 */
export function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly string[] | string)[],
): string[] {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (typeof row === 'string' ? 0 : row[i].length))),
  );
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => (columns[i].align === 'left' ? cell.padEnd(widths[i]) : cell.padStart(widths[i])))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((c) => c.header)),
    ...rows.map((row) => (typeof row === 'string' ? row : line(row))),
  ];
}

/** One CSV record (RFC 4180): cells with a comma, quote or line break are quoted. */
export function csvRecord(cells: readonly string[]): string {
  return cells.map((cell) => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join(',');
}

/** "wacc=0.12, revenueGrowth.2027E=20%", or "none". */
export function describeOverrides(overrides: Readonly<Record<string, string>>): string {
  const pairs = Object.entries(overrides).map(([id, value]) => `${id}=${value}`);
  return pairs.length ? pairs.join(', ') : 'none';
}
