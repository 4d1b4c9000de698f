/**
 * What the add-in records in the workbook about the model it wrote, kept where Office keeps an add-in's data in a
 * document: workbook settings (context.workbook.settings, ExcelApi 1.4; "Persist add-in state and settings"). The
 * settings are JSON per file and add-in, so there is no 255-character limit as for a string constant in a name.
 */
import type { Overrides } from '../model';

/** The settings key. */
export const STATE_KEY = 'kcModel';

/** A cell value as Office.js reads and writes it. */
export type CellValue = number | string | boolean;

/** The add-in's record of the model in one workbook. */
export interface ModelState {
  /** Version of this record's shape. */
  format: 1;
  /** The layout the sheets were written in (layoutVersion of the plan). */
  layout: string;
  /** The add-in version that wrote it. */
  version?: string;
  scenario: string;
  overrides: Overrides;
  /** The add-in's names carry the KC_ prefix (the workbook already had some of the plain names). */
  prefixed: boolean;
  /** Workbook names the add-in defined and may change or delete (every other name is the user's). */
  names: string[];
  /** Each input cell on the Assumptions sheet: input key -> [address, value written]. */
  inputs: Record<string, [string, CellValue]>;
  /** The rectangle of the input cells as written (the KC_INPUTS name follows inserted rows and columns). */
  inputsBox: string;
  /** The add-in's charts: "<plan sheet>|<chart name>" (layout.ts chartKey) -> hash of its definition. */
  charts: Record<string, string>;
  /** Summary lines (KC_LINE_<id> names) -> the period ids across the named row. */
  lines: Record<string, string[]>;
  /**
   * Set while an Insert or Update is under way; left behind if it fails. "sheets": the inputs are still those of
   * `inputs`; the run was creating `creating` (plan sheet -> sheet name). "inputs": the inputs are being rewritten;
   * `carried` holds the user's edits (input key -> value) to carry, `clear` the old input cells to clear.
   */
  pending?: {
    stage: 'sheets' | 'inputs';
    creating: Record<string, string>;
    carried?: Record<string, CellValue>;
    clear?: string[];
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  !!v && typeof v === 'object' && !Array.isArray(v);

/** The state read from the settings, or null when absent or not in a shape this add-in knows. */
export function readState(value: unknown): ModelState | null {
  if (!isRecord(value) || value.format !== 1) return null;
  const ok =
    typeof value.layout === 'string' &&
    typeof value.scenario === 'string' &&
    isRecord(value.overrides) &&
    typeof value.prefixed === 'boolean' &&
    Array.isArray(value.names) &&
    isRecord(value.inputs) &&
    typeof value.inputsBox === 'string' &&
    isRecord(value.charts) &&
    isRecord(value.lines);
  return ok ? (value as unknown as ModelState) : null;
}

/** Equal as Excel stores them: numbers to 13 significant digits (Excel keeps 15), text and booleans exactly. */
export function sameValue(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number')
    return a === b || Math.abs(a - b) <= 1e-13 * Math.max(Math.abs(a), Math.abs(b));
  return a === b;
}
