import {
  driverPeriods,
  DRIVERS,
  findDriver,
  ownValue,
  type AssumptionSet,
  type DriverDef,
} from './assumptions';
import { Decimal } from './decimal';
import { messages } from './errors';
import { findPeriod, type PeriodId } from './periods';
import { findLine } from './registry';

/** An override value: a number, or text such as "0.11", "11%", "1,234.5". */
export type OverrideValue = number | string;
/** Overrides keyed "driverId" (every period of the driver), "driverId.2027E", or "lineId.2025A" for an input. */
export type Overrides = Readonly<Record<string, OverrideValue>>;

const LINE_INPUT_LIMIT = 1e9;

/** Applies overrides on top of a scenario's assumption set and validates the result. Never mutates `base`. */
export function applyOverrides(base: AssumptionSet, overrides: Overrides): AssumptionSet {
  const set: AssumptionSet = {
    scalars: { ...base.scalars },
    series: { ...base.series },
    inputs: { ...base.inputs },
  };
  for (const [key, raw] of Object.entries(overrides)) {
    const [id, periodText, ...rest] = key.split('.');
    const driver = findDriver(id);
    if (rest.length === 0 && driver) {
      applyDriver(set, driver, key, periodText, raw);
    } else if (rest.length === 0 && periodText && hasInput(base, id, periodText)) {
      const value = parseValue(key, raw, `a number between -${LINE_INPUT_LIMIT} and ${LINE_INPUT_LIMIT}`);
      if (value.abs().greaterThan(LINE_INPUT_LIMIT)) throw messages.outOfRange(key, raw, `[-1e9, 1e9]`);
      set.inputs[id] = { ...set.inputs[id], [periodText]: value };
    } else {
      throw messages.unknownAssumption(key, hintFor(id));
    }
  }
  validate(set);
  return set;
}

/** Whether the set has an input for this line and period; own keys only, so "constructor.name" is no input. */
function hasInput(set: AssumptionSet, id: string, period: string): boolean {
  return ownValue(ownValue(set.inputs, id) ?? {}, period) !== undefined;
}

function applyDriver(
  set: AssumptionSet,
  def: DriverDef,
  key: string,
  periodText: string | undefined,
  raw: OverrideValue,
) {
  const value = parseValue(key, raw, allowedText(def));
  checkRange(def, key, value, raw);
  const periods = driverPeriods(def);
  if (def.scope === 'scalar') {
    if (periodText)
      throw messages.unknownAssumption(key, `"${def.id}" has one value for all periods; use "${def.id}".`);
    set.scalars[def.id] = value;
    return;
  }
  const targets: readonly PeriodId[] = periodText ? [resolvePeriod(def, key, periodText, periods)] : periods;
  const series = { ...set.series[def.id] };
  for (const p of targets) series[p] = value;
  set.series[def.id] = series;
}

function resolvePeriod(def: DriverDef, key: string, text: string, periods: readonly PeriodId[]): PeriodId {
  const period = findPeriod(text);
  if (!period || !periods.includes(period.id)) {
    throw messages.unknownAssumption(key, `"${def.id}" has values for ${periods.join(', ')}.`);
  }
  return period.id;
}

/** Reads a number from a number or text ("0.11", "11%", "1,234.5"); anything else is an INVALID_VALUE error. */
export function parseValue(key: string, raw: unknown, allowed: string): Decimal {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw messages.invalidValue(key, raw, allowed);
    return new Decimal(raw);
  }
  if (typeof raw !== 'string') throw messages.invalidValue(key, raw, allowed);
  const trimmed = raw.trim();
  const percent = trimmed.endsWith('%');
  const body = withoutThousands(key, raw, percent ? trimmed.slice(0, -1).trim() : trimmed);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(body)) throw messages.invalidValue(key, raw, allowed);
  const value = new Decimal(body);
  return percent ? value.div(100) : value;
}

/**
 * The number text without its thousands separators. A comma anywhere else ("13,03", "1,2") is an error, not
 * dropped: dropping it would turn a decimal comma into a value a hundred or a thousand times too large.
 */
function withoutThousands(key: string, raw: string, body: string): string {
  if (!body.includes(',')) return body;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?([eE][-+]?\d+)?$/.test(body)) return body.replace(/,/g, '');
  const decimalComma = /^[-+]?\d*,\d+$/.test(body) ? raw.trim().replace(',', '.') : undefined;
  throw messages.decimalComma(key, raw, decimalComma);
}

function checkRange(def: DriverDef, key: string, value: Decimal, raw: OverrideValue) {
  if (def.choices && !def.choices.some((c) => value.equals(c)))
    throw messages.outOfRange(key, raw, allowedText(def));
  if (value.lessThan(def.min) || value.greaterThan(def.max))
    throw messages.outOfRange(key, raw, allowedText(def));
}

/** The allowed values of a driver, in the words of its unit ("0% to 100% (0 to 1)", "0 or 1"). */
export function allowedText(def: DriverDef): string {
  if (def.choices) return def.choices.join(' or ');
  if (def.unit === 'pct' || def.unit === 'weight') {
    return `${def.min} to ${def.max} (${pct(def.min)} to ${pct(def.max)})`;
  }
  return `${def.min} to ${def.max}`;
}

const pct = (x: number) => `${+(x * 100).toFixed(6)}%`;

/** Checks the whole set: every driver within range, WACC above terminal growth. */
export function validate(set: AssumptionSet): void {
  const wacc = set.scalars.wacc;
  const growth = set.scalars.terminalGrowth;
  if (wacc && growth && wacc.lessThanOrEqualTo(growth))
    throw messages.waccNotAboveGrowth(wacc.toString(), growth.toString());
}

function hintFor(id: string): string {
  const lower = id.toLowerCase();
  const near = DRIVERS.filter((d) => d.id.toLowerCase().includes(lower) || lower.includes(d.id.toLowerCase()))
    .map((d) => d.id)
    .slice(0, 3);
  if (findLine(id)) return `"${id}" is a line; only its 12/25 or 12/24 input can be set, e.g. "${id}.2025A".`;
  return near.length
    ? `Did you mean ${near.map((n) => `"${n}"`).join(', ')}? Assumption ids are listed by kc-model assumptions.`
    : 'Assumption ids are listed by kc-model assumptions.';
}
