/**
 * The key assumptions the task pane edits, how each is shown (one precision per unit) and how it is validated: a
 * field's text is parsed as the model parses overrides ("10.3%", "0.103", "1,234.5"; a multiple also "0.7x"),
 * checked against the driver's range (DRIVERS min/max) and against the whole set (WACC above terminal growth) by
 * building the assumption set. Messages are the model's (ModelError) in the field's own label and unit: "WACC (2.0%)
 * must be above terminal growth (3.0%)", never an id or a fraction. Text that starts with "=" is never accepted: the
 * pane writes numbers, never formulas. No DOM and no Office globals here.
 */
import {
  assumptionsFor,
  Decimal,
  findDriver,
  messages,
  ModelError,
  SCENARIOS,
  type DriverDef,
  type PeriodId,
} from '../model';
import { readAssumption } from '../model/assumptions';
import { allowedText, formatValue, parseValue } from '../model/overrides';

/** One editable assumption in the pane: a driver, and the period for a per-year driver. */
export interface KeyField {
  /** The override key: "wacc", "revenueGrowth.2027E". Also the field's DOM id suffix. */
  key: string;
  driver: DriverDef;
  period?: PeriodId;
  /** Short label for a 320px pane. */
  label: string;
  group: string;
}

const driver = (id: string): DriverDef => {
  const def = findDriver(id);
  if (!def) throw new Error(`Task pane: unknown driver "${id}"`);
  return def;
};

const YEARS: readonly PeriodId[] = ['2026E', '2027E', '2028E'];
const heading = (p: PeriodId) => `12/${p.slice(2, 4)}E`;

/** The pane's assumptions, in display (and tab) order. */
export const KEY_FIELDS: readonly KeyField[] = [
  { key: 'wacc', driver: driver('wacc'), label: 'WACC', group: 'Valuation' },
  { key: 'terminalGrowth', driver: driver('terminalGrowth'), label: 'Terminal growth', group: 'Valuation' },
  ...YEARS.map((p) => ({
    key: `revenueGrowth.${p}`,
    driver: driver('revenueGrowth'),
    period: p,
    label: `Revenue growth ${heading(p)}`,
    group: 'Revenue growth',
  })),
  ...YEARS.map((p) => ({
    key: `cashCogsRatio.${p}`,
    driver: driver('cashCogsRatio'),
    period: p,
    label: `Cash COGS / revenue ${heading(p)}`,
    group: 'Margins',
  })),
  {
    key: 'cashCogsRatioTerminal',
    driver: driver('cashCogsRatioTerminal'),
    label: 'Cash COGS / revenue, long run',
    group: 'Margins',
  },
  {
    key: 'fixedAssetIntensityTerminal',
    driver: driver('fixedAssetIntensityTerminal'),
    label: 'Net fixed assets / revenue, long run',
    group: 'Capital intensity',
  },
];

export const SCENARIO_OPTIONS: readonly { name: string; description: string }[] = SCENARIOS.map((s) => ({
  name: s.name,
  description: s.description,
}));

/** The pane's own overrides: override key to a plain decimal string ("0.11"). */
export type PaneOverrides = Record<string, string>;

/** A field's value in a scenario with the pane's overrides applied. */
export function fieldValue(field: KeyField, scenario: string, overrides: PaneOverrides): Decimal {
  const set = assumptionsFor({ scenario, overrides });
  const value = readAssumption(set, field.driver.id, field.period);
  if (!value) throw new Error(`Task pane: no value for ${field.key}`);
  return value;
}

/** Decimals shown in a field, one per unit, so that "3.00%" stands beside "30.84%" and a multiple reads "0.65x". */
export const FIELD_DECIMALS: Readonly<Record<string, number>> = { pct: 2, multiple: 2 };

/** How a value is shown in its field: percentages "10.30%", multiples "0.65x", both to FIELD_DECIMALS places. */
export function formatFieldValue(field: KeyField, value: Decimal): string {
  const { unit } = field.driver;
  if (unit === 'pct') return `${value.times(100).toFixed(FIELD_DECIMALS.pct)}%`;
  if (unit === 'multiple') return `${value.toFixed(FIELD_DECIMALS.multiple)}x`;
  return value.toDecimalPlaces(4).toString();
}

/** A value in a message, in its unit: the model's words for percentages ("2.0%", "10.25%"), "0.7x" for a multiple. */
export function unitText(def: DriverDef, value: Decimal): string {
  return def.unit === 'multiple' ? `${formatValue(def, value)}x` : formatValue(def, value);
}

/** What a field allows, in its unit: the model's allowedText ("1.0% to 50.0%"), with the "x" of a multiple. */
export function allowedFor(def: DriverDef): string {
  if (def.unit !== 'multiple' || def.choices) return allowedText(def);
  return `${unitText(def, new Decimal(def.min))} to ${unitText(def, new Decimal(def.max))}`;
}

/** An example of what to type in a field, in its unit. */
const example = (def: DriverDef) => (def.unit === 'multiple' ? '0.65x' : def.unit === 'pct' ? '10.3%' : '1');

/** A validation outcome: the number to write, or the message to show next to the field. */
export type Validation = { ok: true; value: Decimal } | { ok: false; message: string; code: string };

/**
 * Validates what was typed into a field, in the context of the scenario and the pane's other overrides. Rejects
 * formulas (text starting with "=") and empty text; a multiple may carry its "x" ("0.7x"). Every message names the
 * field by its label and shows values in the field's unit; the cross-checks (WACC above terminal growth) are the
 * model's own messages, which are in the same words.
 */
export function validateField(
  field: KeyField,
  text: string,
  scenario: string,
  overrides: PaneOverrides,
): Validation {
  const { driver: def, label } = field;
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) {
    return {
      ok: false,
      code: 'FORMULA',
      message: `${label} takes a number such as ${example(def)}, not a formula: the pane writes numbers, never formulas.`,
    };
  }
  if (trimmed === '') {
    return { ok: false, code: 'EMPTY', message: `${label} needs a value; allowed: ${allowedFor(def)}.` };
  }
  if (def.unit === 'multiple' && trimmed.endsWith('%')) {
    return {
      ok: false,
      code: 'UNIT',
      message: `${label} is a multiple such as ${example(def)}, not a percentage.`,
    };
  }
  try {
    const number = def.unit === 'multiple' ? trimmed.replace(/\s*[x×]$/i, '') : trimmed;
    const value = parseValue(field.key, number, allowedFor(def), label);
    const outside =
      (def.choices && !def.choices.some((c) => value.equals(c))) ||
      value.lessThan(def.min) ||
      value.greaterThan(def.max);
    if (outside) throw messages.outOfRange(field.key, label, unitText(def, value), allowedFor(def));
    // The model's full validation: the cross-checks such as WACC above terminal growth.
    assumptionsFor({ scenario, overrides: { ...overrides, [field.key]: value.toString() } });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
