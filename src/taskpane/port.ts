/**
 * What the pane needs from a workbook, as a small interface: the pane never touches Office.js itself. The real
 * implementation (./excelPort.ts) adapts the Office.js writer (./excelWriter.ts) over any ExcelHost: Excel.run, or the
 * in-memory stand-in of the tests (test/support/excelStandIn.ts).
 */
import type { SummaryFigures } from './summary';

/** A progress report during a long operation: a message and, when known, the fraction done (0..1). */
export interface Progress {
  message: string;
  fraction?: number;
}

/** Overrides as the workbook reports them: override key to a number or text. */
export type WorkbookOverrides = Record<string, number | string>;

/** The scenario and overrides last written, and the scenario the selector is on. */
export interface WorkbookState {
  scenario: string;
  overrides: WorkbookOverrides;
  selected: string;
}

/** An Insert, Update or Reset from the pane. */
export interface InsertRequest {
  scenario: string;
  /** The pane's overrides: override key ("wacc", "revenueGrowth.2027E") to a plain decimal string. */
  overrides: Record<string, string>;
  /** True: drop the user's edits on the Assumptions sheet instead of carrying them (Reset assumptions). */
  reset?: boolean;
  onProgress?: (progress: Progress) => void;
}

/** What an insert or update did that the user should know. */
export interface InsertReport {
  /** Sentences for the pane: names prefixed, sheets renamed, edits kept, a layout change. */
  notes: string[];
  /** The workbook is in Manual calculation mode: the figures wait for F9. */
  needsRecalculation: boolean;
}

/** The workbook's figures, and whether they may be stale (Manual calculation mode). */
export interface WorkbookSummary {
  figures: SummaryFigures;
  manualCalculation: boolean;
}

/** A change on the inputs' sheet, or a calculation of the model. */
export type WorkbookEvent = 'changed' | 'calculated';

/** The workbook operations the pane uses. Every method may reject; the pane shows the message. */
export interface WorkbookPort {
  /** Writes (or rewrites in place) the live model: sheets, formulas, names, the scenario and the overrides. */
  insertModel(request: InsertRequest): Promise<InsertReport>;
  /** Writes a values-only copy of the model's sheets beside the live model; resolves to the new sheets' names. */
  convertToValues(request: { scenario: string }): Promise<string[]>;
  /** Writes one assumption, as a number, to its cell on the Assumptions sheet. */
  writeAssumption(driverId: string, period: string | undefined, value: number): Promise<void>;
  /** The figures the workbook has calculated; null when the model is not in the workbook. */
  readSummary(): Promise<WorkbookSummary | null>;
  /**
   * The scenario and overrides last written by insertModel, and the scenario the sheet's selector is on now; null
   * when the model is not in the workbook.
   */
  readInsertedScenario(): Promise<WorkbookState | null>;
  /** The selected scenario's inputs that differ from what insertModel wrote (edits by hand or by the pane). */
  readEditedAssumptions(): Promise<WorkbookOverrides | null>;
  /** Calls back on changes to the inputs' sheet and on calculations; resolves to a function that stops it. */
  watchModel(listener: (event: WorkbookEvent) => void): Promise<() => Promise<void>>;
}
