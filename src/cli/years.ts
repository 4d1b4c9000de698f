import { STATEMENT_PERIOD_IDS, NOTE_PERIOD_IDS, parsePeriod, PERIODS, type PeriodId } from '../model';
import { quote, UsageError } from './errors';

/** The years a statement can show: 12/25 (reported) to 12/35E. */
export const STATEMENT_PERIODS: readonly PeriodId[] = STATEMENT_PERIOD_IDS;

/** The years text shows unless --years says otherwise: the note's, 12/25 to 12/28E (they fit 100 columns). */
export const DEFAULT_TEXT_PERIODS: readonly PeriodId[] = NOTE_PERIOD_IDS;

/** The note's column heading of a period: "12/25", "12/26E". */
export function heading(period: PeriodId): string {
  return PERIODS.find((p) => p.id === period)!.heading;
}

/** "12/25-12/28E", or the one heading, or the headings listed. */
export function describePeriods(periods: readonly PeriodId[]): string {
  const index = (p: PeriodId) => STATEMENT_PERIODS.indexOf(p);
  const contiguous = periods.every((p, i) => i === 0 || index(p) === index(periods[i - 1]) + 1);
  if (periods.length > 2 && contiguous)
    return `${heading(periods[0])}-${heading(periods[periods.length - 1])}`;
  return periods.map(heading).join(', ');
}

const EXAMPLES = 'use all, a year (2027), a range (2026-2030) or a list (2025,2030,2035)';

/**
 * The periods `--years` names, in order: "all", "note" (12/25-12/28E), a year in any form the model reads
 * (2027, 2027E, FY27, 12/27E), a range "2026-2030", or a comma-separated list of those.
 */
export function parseYears(text: string): PeriodId[] {
  const spec = text.trim().toLowerCase();
  if (spec === 'all') return [...STATEMENT_PERIODS];
  if (spec === 'note') return [...NOTE_PERIOD_IDS];
  const chosen = new Set<PeriodId>();
  for (const item of spec.split(',')) {
    const [from, to, ...extra] = item.split('-').map((part) => part.trim());
    if (extra.length > 0 || from === '' || to === '')
      throw new UsageError(`Option --years: ${quote(text)} is not a year or range; ${EXAMPLES}.`);
    const first = year(from, text);
    const last = to === undefined ? first : year(to, text);
    if (last < first)
      throw new UsageError(
        `Option --years: the range ${quote(item.trim())} runs backwards; write the earlier year first.`,
      );
    for (let i = first; i <= last; i++) chosen.add(STATEMENT_PERIODS[i]);
  }
  return STATEMENT_PERIODS.filter((p) => chosen.has(p));
}

/** The position in STATEMENT_PERIODS of one year of a --years value. */
function year(part: string, whole: string): number {
  const period = parsePeriod(part);
  const index = period ? STATEMENT_PERIODS.indexOf(period.id) : -1;
  if (index < 0)
    throw new UsageError(
      `Option --years: ${quote(part)} in ${quote(whole)} is not a year of the model (2025 to 2035); ${EXAMPLES}.`,
    );
  return index;
}
