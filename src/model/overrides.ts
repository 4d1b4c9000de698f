import {
  driverPeriods,
  DRIVERS,
  findDriver,
  ownValue,
  type AssumptionSet,
  type DriverDef,
} from './assumptions';
import { Decimal } from './decimal';
import { messages, show } from './errors';
import { findPeriod, type PeriodId } from './periods';
import { findLine } from './registry';

/** An override value: a number, or text such as "0.11", "11%", "1,234.5". */
export type OverrideValue = number | string;
/** Overrides keyed "driverId" (every period of the driver), "driverId.2027E", or "lineId.2025A" for an input. */
export type Overrides = Readonly<Record<string, OverrideValue>>;

const LINE_INPUT_LIMIT = 1e9;

/**
 * Applies overrides on top of a scenario's assumption set and validates the result. An override sets the final
 * value in that scenario. Never mutates `base`.
 */
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
      const label = inputLabel(id, periodText as PeriodId);
      const allowed = `-1,000,000,000 to 1,000,000,000`;
      const value = parseValue(key, raw, allowed, label);
      if (value.abs().greaterThan(LINE_INPUT_LIMIT))
        throw messages.outOfRange(key, label, show(raw), allowed);
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
  const periods = driverPeriods(def);
  if (def.scope === 'scalar' && periodText)
    throw messages.unknownAssumption(key, `${def.label} has one value for all periods; use "${def.id}".`);
  const target = periodText ? resolvePeriod(def, key, periodText, periods) : undefined;
  const label = driverLabel(def, target);
  const value = parseValue(key, raw, allowedText(def), label);
  checkRange(def, key, label, value);
  if (def.scope === 'scalar') {
    set.scalars[def.id] = value;
    return;
  }
  const series = { ...set.series[def.id] };
  for (const p of target ? [target] : periods) series[p] = value;
  set.series[def.id] = series;
}

function resolvePeriod(def: DriverDef, key: string, text: string, periods: readonly PeriodId[]): PeriodId {
  const period = findPeriod(text);
  if (!period || !periods.includes(period.id)) {
    throw messages.unknownAssumption(key, `${def.label} has values for ${periods.join(', ')}.`);
  }
  return period.id;
}

/** A driver as a message names it: its label, and the period's heading for one period ("Revenue growth 12/27E"). */
export function driverLabel(def: DriverDef, period?: PeriodId): string {
  return period ? `${def.label} ${findPeriod(period)!.heading}` : def.label;
}

function inputLabel(id: string, period: PeriodId): string {
  return `${findLine(id)?.label ?? id} ${findPeriod(period)?.heading ?? period}`;
}

/**
 * Reads a number from a number or text ("0.11", "11%", "1,234.5"); anything else is an INVALID_VALUE error that
 * names `label` (default: `subject`). A comma is accepted only as a thousands separator.
 */
export function parseValue(subject: string, raw: unknown, allowed: string, label = subject): Decimal {
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) throw messages.invalidValue(subject, label, raw, allowed);
    return new Decimal(raw);
  }
  if (typeof raw !== 'string') throw messages.invalidValue(subject, label, raw, allowed);
  const trimmed = raw.trim();
  const percent = trimmed.endsWith('%');
  const body = withoutThousands(subject, label, raw, percent ? trimmed.slice(0, -1).trim() : trimmed);
  if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(body))
    throw messages.invalidValue(subject, label, raw, allowed);
  const value = new Decimal(body);
  return percent ? value.div(100) : value;
}

/**
 * The number text without its thousands separators. A comma anywhere else ("13,03", "1,2") is an error, not
 * dropped: dropping it would turn a decimal comma into a value a hundred or a thousand times too large.
 */
function withoutThousands(subject: string, label: string, raw: string, body: string): string {
  if (!body.includes(',')) return body;
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d*)?([eE][-+]?\d+)?$/.test(body)) return body.replace(/,/g, '');
  const decimalComma = /^[-+]?\d*,\d+$/.test(body) ? raw.trim().replace(',', '.') : undefined;
  throw messages.decimalComma(subject, label, raw, decimalComma);
}

function checkRange(def: DriverDef, key: string, label: string, value: Decimal) {
  const outside =
    (def.choices && !def.choices.some((c) => value.equals(c))) ||
    value.lessThan(def.min) ||
    value.greaterThan(def.max);
  if (outside) throw messages.outOfRange(key, label, formatValue(def, value), allowedText(def));
}

/** A driver value in the words of its unit: percentages as "10.3%" (at least one decimal: "2.0%"), other units as plain numbers. */
export function formatValue(def: DriverDef, value: Decimal): string {
  if (def.unit !== 'pct') return trim(value);
  const percent = value.times(100).toDecimalPlaces(6);
  return `${percent.decimalPlaces() === 0 ? percent.toFixed(1) : percent.toString()}%`;
}

function trim(value: Decimal): string {
  return value.toDecimalPlaces(6).toString();
}

/** The allowed values of a driver, in the words of its unit ("-100% to 100%", "0 or 1", "360 to 366"). */
export function allowedText(def: DriverDef): string {
  if (def.choices) return def.choices.join(' or ');
  return `${formatValue(def, new Decimal(def.min))} to ${formatValue(def, new Decimal(def.max))}`;
}

/** Checks the whole set: WACC above terminal growth. */
export function validate(set: AssumptionSet): void {
  const wacc = set.scalars.wacc;
  const growth = set.scalars.terminalGrowth;
  if (wacc && growth && wacc.lessThanOrEqualTo(growth)) {
    const pct = (v: Decimal) => formatValue(findDriver('wacc')!, v);
    throw messages.waccNotAboveGrowth(pct(wacc), pct(growth));
  }
}

function hintFor(id: string): string {
  if (findLine(id)) return `"${id}" is a line; only its 12/25 or 12/24 input can be set, e.g. "${id}.2025A".`;
  const lower = id.toLowerCase();
  const near = DRIVERS.filter((d) => d.id.toLowerCase().includes(lower) || lower.includes(d.id.toLowerCase()))
    .map((d) => d.id)
    .slice(0, 3);
  return near.length ? `Did you mean ${near.map((n) => `"${n}"`).join(', ')}?` : '';
}
