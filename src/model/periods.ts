/** A column of the model: the opening comparatives, the reported year, the note's forecasts, the long range. */
export type PeriodId =
  | '2024A'
  | '2025A'
  | '2026E'
  | '2027E'
  | '2028E'
  | '2029E'
  | '2030E'
  | '2031E'
  | '2032E'
  | '2033E'
  | '2034E'
  | '2035E';

/** Which definition of a line applies in a period. */
export type PeriodKind = 'opening' | 'actual' | 'explicit' | 'longRange';

export interface Period {
  id: PeriodId;
  year: number;
  kind: PeriodKind;
  /** The note's column heading, e.g. "12/26E". */
  heading: string;
  index: number;
}

const KINDS: Record<number, PeriodKind> = {
  2024: 'opening',
  2025: 'actual',
  2026: 'explicit',
  2027: 'explicit',
  2028: 'explicit',
};

/** Every period in order; index 0 is the opening comparative column (12/24), which holds only the few values the 12/25 ratios need. */
export const PERIODS: readonly Period[] = Array.from({ length: 12 }, (_, index) => {
  const year = 2024 + index;
  const kind = KINDS[year] ?? 'longRange';
  const suffix = year <= 2025 ? 'A' : 'E';
  return {
    id: `${year}${suffix}` as PeriodId,
    year,
    kind,
    heading: `12/${String(year).slice(2)}${suffix === 'E' ? 'E' : ''}`,
    index,
  };
});

export const PERIOD_IDS: readonly PeriodId[] = PERIODS.map((p) => p.id);
/** The columns the note prints: 12/25 to 12/28E. */
export const NOTE_PERIOD_IDS: readonly PeriodId[] = ['2025A', '2026E', '2027E', '2028E'];
/** Forecast columns: 12/26E to 12/35E. */
export const FORECAST_PERIOD_IDS: readonly PeriodId[] = PERIODS.filter((p) => p.year >= 2026).map(
  (p) => p.id,
);
/** The columns a statement shows: 12/25 to 12/35E (12/24 holds opening comparatives only). */
export const STATEMENT_PERIOD_IDS: readonly PeriodId[] = PERIODS.filter((p) => p.kind !== 'opening').map(
  (p) => p.id,
);
/** The note's explicit forecast columns, where per-year drivers live. */
export const EXPLICIT_PERIOD_IDS: readonly PeriodId[] = PERIODS.filter((p) => p.kind === 'explicit').map(
  (p) => p.id,
);
/** The long-range columns the model adds for the DCF: 12/29E to 12/35E. */
export const LONG_RANGE_PERIOD_IDS: readonly PeriodId[] = PERIODS.filter((p) => p.kind === 'longRange').map(
  (p) => p.id,
);
export const LAST_PERIOD = PERIODS[PERIODS.length - 1];

const BY_ID = new Map(PERIODS.map((p) => [p.id, p]));

/** The period with this id, or undefined. */
export function findPeriod(id: string): Period | undefined {
  return BY_ID.get(id as PeriodId);
}

/** How a period is written, before asking whether the model has it: the year and the suffix ("A", "E" or ""). */
export interface PeriodText {
  year: number;
  suffix: '' | 'A' | 'E';
}

/**
 * Reads the way analysts write a period: 2026, "2026", "2026E", "FY2026", "FY26", "12/26E", "2025A".
 * Returns undefined when the text is not written like a period (whether the model has that year is parsePeriod's call).
 */
export function readPeriodText(input: string | number): PeriodText | undefined {
  const text = String(input).trim().toUpperCase();
  const match =
    /^(?:FY)?(\d{4})([AE]?)$/.exec(text) ??
    /^FY(\d{2})([AE]?)$/.exec(text) ??
    /^12\/(\d{2})([AE]?)$/.exec(text);
  if (!match) return undefined;
  const year = match[1].length === 2 ? 2000 + Number(match[1]) : Number(match[1]);
  return { year, suffix: match[2] as PeriodText['suffix'] };
}

/**
 * Reads a period the way analysts write one (see readPeriodText).
 * Returns undefined when the text is not a period of this model.
 */
export function parsePeriod(input: string | number): Period | undefined {
  const written = readPeriodText(input);
  if (!written) return undefined;
  const period = PERIODS.find((p) => p.year === written.year);
  // "2027A" is not a period of this model: an explicit suffix must agree with actual or estimate.
  if (period && written.suffix && !period.id.endsWith(written.suffix)) return undefined;
  return period;
}
