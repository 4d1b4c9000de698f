import { findDriver } from '../assumptions';
import { add, drv, mul, NM, num, prior, sub, type Expr } from '../expr';

/** A statement or schedule of the model; each line belongs to exactly one. */
export type Section =
  | 'Drivers'
  | 'Segments'
  | 'Income Statement'
  | 'Fixed Assets'
  | 'Debt and Interest'
  | 'Tax'
  | 'Balance Sheet'
  | 'Cash Flow'
  | 'Ratios'
  | 'DCF'
  | 'Checks';

/** How a line's value is measured: Rmb mn, a fraction shown as %, Rmb per ADS, a multiple, ... */
export type LineUnit =
  'rmbMn' | 'pct' | 'rmbPerAds' | 'usdPerAds' | 'multiple' | 'days' | 'mnAds' | 'years' | 'factor';

/** A line's definition for each kind of period. */
export interface Rules {
  /** 12/24: the few opening comparatives (default: none). */
  opening?: Expr;
  /** 12/25, the reported year (default: `explicit`; null: no value). */
  actual?: Expr | null;
  /** 12/26E-12/28E, the note's forecasts. */
  explicit?: Expr;
  /** 12/29E-12/35E, the long range (default: `explicit`). */
  longRange?: Expr;
  /** A line with one value, not one per period. */
  scalar?: Expr;
}

/** One line item, defined once as data: its id, the label it prints under, its unit and its rules. */
export interface LineDef extends Rules {
  id: string;
  label: string;
  section: Section;
  unit: LineUnit;
  /** Why the line exists when the note does not print it, or how it is defined. */
  note?: string;
}

/** A statement or schedule: its lines in presentation order. */
export interface Statement {
  name: Section;
  lines: readonly LineDef[];
}

type Draft = Omit<LineDef, 'section'>;

/** A line: id, label, unit, its rule per kind of period, and (optionally) a note on its definition. */
export const L = (id: string, label: string, unit: LineUnit, rules: Rules, note?: string): Draft => ({
  id,
  label,
  unit,
  ...rules,
  ...(note ? { note } : {}),
});

/** A statement from its lines, in presentation order. */
export const statement = (name: Section, lines: readonly Draft[]): Statement => ({
  name,
  lines: lines.map((line) => ({ ...line, section: name })),
});

/**
 * A per-year driver as a line reads it: the driver in 12/26E-12/28E and its record's long-range rule after
 * (fade to a terminal driver by 12/34E, hold the 12/28E value, zero, or NM when the driver has no long range).
 * `lineId` is the line that carries the value (default: the driver's id), for `hold` and `fade`.
 */
export function fromDriver(driverId: string, lineId = driverId): Pick<Rules, 'explicit' | 'longRange'> {
  const def = findDriver(driverId);
  if (!def) throw new Error(`Unknown driver ${driverId}`);
  const rule = def.longRange;
  const longRange: Expr =
    rule === undefined
      ? NM
      : rule === 'zero'
        ? num(0)
        : rule === 'hold'
          ? prior(lineId)
          : add(prior(lineId), mul(sub(drv(rule.fade), prior(lineId)), drv('fadeWeight')));
  return { explicit: drv(driverId), longRange };
}
