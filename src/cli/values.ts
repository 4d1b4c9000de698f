/** The values of the options, read and checked: scenario, --set pairs, output format, years, --date. */
import { DRIVERS, findDriver, findLine, LINES, SCENARIO_NAMES, type PeriodId } from '../model';
import { quote, UsageError } from './errors';
import type { Invocation } from './parser';
import { didYouMean } from './suggest';
import { DEFAULT_TEXT_PERIODS, parseYears, STATEMENT_PERIODS } from './years';

/** An output format. */
export type Format = 'text' | 'json' | 'csv';

/** The scenario asked for (default "base"), checked, in lower case. */
export function scenarioOf(invocation: Invocation): string {
  const given = invocation.values.get('scenario');
  if (typeof given !== 'string') return 'base';
  const name = given.trim().toLowerCase();
  if (!SCENARIO_NAMES.includes(name))
    throw new UsageError(
      `Unknown scenario ${quote(given)}.${didYouMean(name, SCENARIO_NAMES)} Scenarios: ${SCENARIO_NAMES.join(', ')}.`,
    );
  return name;
}

/**
 * The --set pairs as overrides for the model: id to value text, the last value of a repeated id winning.
 * The object has no prototype, so "__proto__" or "constructor" is an id like any other (and an unknown one).
 * Ids are checked here, against the model's drivers and lines, to suggest the closest ones; the model checks
 * the periods and values.
 */
export function overridesOf(invocation: Invocation): Record<string, string> {
  const overrides: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const pair of invocation.sets) {
    const equals = pair.indexOf('=');
    const key = pair.slice(0, Math.max(equals, 0)).trim();
    if (equals < 0 || key === '')
      throw new UsageError(
        `Option --set needs ID=VALUE, e.g. --set wacc=11% or --set revenueGrowth.2027E=20%; got ${quote(pair)}.`,
      );
    const id = key.split('.')[0];
    if (!findDriver(id) && !findLine(id))
      throw new UsageError(
        `Unknown assumption ${quote(id)} in --set ${quote(pair)}.${didYouMean(id, ids())} kc-model assumptions lists every id.`,
      );
    // Delete first so that the last --set of an id is also the last in order, as the model applies them.
    delete overrides[key];
    overrides[key] = pair.slice(equals + 1);
  }
  return overrides;
}

function ids(): string[] {
  return [...DRIVERS.map((d) => d.id), ...LINES.map((l) => l.id)];
}

/** The output format: --json, --csv or text. */
export function formatOf(invocation: Invocation): Format {
  const json = invocation.values.has('json');
  const csv = invocation.values.has('csv');
  if (json && csv) throw new UsageError('Options --json and --csv exclude each other; give one.');
  return json ? 'json' : csv ? 'csv' : 'text';
}

/** The year columns to show: --years, or 12/25-12/28E for text and every year for CSV. JSON always has every year. */
export function yearsOf(invocation: Invocation, format: Format): { periods: PeriodId[]; chosen: boolean } {
  const given = invocation.values.get('years');
  if (typeof given !== 'string')
    return { periods: [...(format === 'text' ? DEFAULT_TEXT_PERIODS : STATEMENT_PERIODS)], chosen: false };
  if (format === 'json')
    throw new UsageError('Option --years does not apply to --json, which always carries every year.');
  return { periods: parseYears(given), chosen: true };
}

/** The --date stamp, checked to be a real calendar date, or undefined for today. */
export function dateOf(invocation: Invocation): string | undefined {
  const given = invocation.values.get('date');
  if (typeof given !== 'string') return undefined;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(given);
  const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== given)
    throw new UsageError(`Option --date needs a date as YYYY-MM-DD, e.g. 2026-05-28; got ${quote(given)}.`);
  return given;
}
