/**
 * The key assumptions the task pane edits, and their validation by the model's own rules: a field's text is parsed
 * as the model parses overrides ("10.3%", "0.103", "1,234.5"), checked against the driver's range (DRIVERS min/max)
 * and against the whole set (WACC above terminal growth) by building the assumption set, so the pane shows exactly
 * the ModelError message the CLI and the functions would. Text that starts with "=" is never accepted: the pane
 * writes numbers, never formulas. No DOM and no Office globals here.
 */
import {
  assumptionsFor,
  Decimal,
  DRIVERS,
  ModelError,
  SCENARIOS,
  type DriverDef,
  type PeriodId,
} from '../model';
import { readAssumption } from '../model/assumptions';
import { parseValue, allowedText } from '../model/overrides';

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
  const def = DRIVERS.find((d) => d.id === id);
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

/** How a value is shown in its field: percentages to 2 decimals (trailing zeros dropped), other units plainly. */
export function formatFieldValue(field: KeyField, value: Decimal): string {
  if (field.driver.unit === 'pct') return `${trimZeros(value.times(100).toFixed(2))}%`;
  return trimZeros(value.toFixed(4));
}

const trimZeros = (text: string) => (text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text);

/** A validation outcome: the number to write, or the message to show next to the field. */
export type Validation = { ok: true; value: Decimal } | { ok: false; message: string; code: string };

/**
 * Validates what was typed into a field, in the context of the scenario and the pane's other overrides. Rejects
 * formulas (text starting with "=") and empty text; everything else goes through the model's parser and validator.
 */
export function validateField(
  field: KeyField,
  text: string,
  scenario: string,
  overrides: PaneOverrides,
): Validation {
  const trimmed = text.trim();
  if (trimmed.startsWith('=')) {
    return {
      ok: false,
      code: 'FORMULA',
      message: `"${field.label}" takes a number such as 10.3% or 0.103, not a formula; the pane never writes formulas.`,
    };
  }
  if (trimmed === '') {
    return {
      ok: false,
      code: 'EMPTY',
      message: `"${field.label}" needs a value; allowed: ${allowedText(field.driver)}.`,
    };
  }
  try {
    const value = parseValue(field.key, trimmed, allowedText(field.driver));
    // The model's full validation: range, choices and cross-checks such as WACC > terminal growth.
    assumptionsFor({ scenario, overrides: { ...overrides, [field.key]: value.toString() } });
    return { ok: true, value };
  } catch (error) {
    if (error instanceof ModelError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
