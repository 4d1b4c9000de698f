/** The values of the options, read and checked: scenario, --set pairs, output format, years, --date. */
import {
  assumptionsFor,
  DRIVERS,
  findDriver,
  findLine,
  IMPLIED_DRIVERS,
  LINES,
  ModelError,
  parseCase,
  SCENARIO_NAMES,
  type Case,
  type PeriodId,
} from '../model';
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
    checkId(key.split('.')[0], `--set ${quote(pair)}`);
    // Delete first so that the last --set of an id is also the last in order, as the model applies them.
    delete overrides[key];
    overrides[key] = pair.slice(equals + 1);
  }
  return overrides;
}

/** Checks one --set style id against the model's drivers and lines; `where` says where it was written. */
function checkId(id: string, where: string): void {
  if (!findDriver(id) && !findLine(id))
    throw new UsageError(
      `Unknown assumption ${quote(id)} in ${where}.${didYouMean(id, ids())} kc-model assumptions lists every id.`,
    );
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

/** The driver --driver names for the reverse DCF (undefined: every one); an unknown one gets a suggestion. */
export function driverOf(invocation: Invocation): string | undefined {
  const given = invocation.values.get('driver');
  if (typeof given !== 'string') return undefined;
  const id = given.trim();
  const supported = IMPLIED_DRIVERS.map((d) => d.id);
  if (supported.includes(id)) return id;
  const known = findDriver(id) ? ` ${quote(id)} is a driver, but not one the reverse DCF solves for.` : '';
  throw new UsageError(
    `Unknown driver ${quote(given)} for --driver.${known}${didYouMean(id, supported)} The reverse DCF solves for ${supported.join(', ')}.`,
  );
}

/** The --price to solve to, in US$ per ADS (0.01 to 10000), as text; undefined for the case's own price. */
export function priceOf(invocation: Invocation): string | undefined {
  const given = invocation.values.get('price');
  if (typeof given !== 'string') return undefined;
  const text = given.trim().replace(/^US\$/i, '');
  const number = /^(\d+(\.\d*)?|\.\d+)$/.test(text) ? Number(text) : NaN;
  if (!(number >= 0.01 && number <= 10_000))
    throw new UsageError(
      `Option --price needs a price in US$ per ADS from 0.01 to 10000, e.g. --price 13.03; got ${quote(given)}.`,
    );
  return text;
}

/**
 * A case option (--from, --to): a scenario, then any ID=VALUE overrides. The scenario and the ids get suggestions;
 * the values are checked by the model now, so that a bad case fails before any work.
 */
export function caseOf(invocation: Invocation, option: 'from' | 'to', fallback?: string): Case {
  const given = invocation.values.get(option);
  const text = typeof given === 'string' ? given : fallback;
  if (text === undefined)
    throw new UsageError(
      `Option --${option} is required: a case, that is a scenario then any ID=VALUE overrides, e.g. --${option} bull or --${option} "base wacc=11%".`,
    );
  const where = `--${option} ${quote(text)}`;
  let parsed: Case;
  try {
    parsed = parseCase(text);
  } catch (error) {
    if (!(error instanceof ModelError)) throw error;
    const first = text.trim().split(/\s+/)[0] ?? '';
    const hint = first.includes('=') ? '' : didYouMean(first.toLowerCase(), SCENARIO_NAMES);
    throw new UsageError(`${where}: ${error.message.replace(/^Case "[^"]*": /, '')}${hint}`);
  }
  for (const key of Object.keys(parsed.overrides)) checkId(key.split('.')[0], where);
  try {
    assumptionsFor(parsed);
  } catch (error) {
    if (error instanceof ModelError) throw new UsageError(`${where}: ${error.message}`);
    throw error;
  }
  return parsed;
}
