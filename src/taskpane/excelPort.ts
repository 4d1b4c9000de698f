/**
 * The pane's WorkbookPort over the Office.js writer (./excelWriter.ts), for any ExcelHost: real Excel (Excel.run) or
 * a test's stand-in. It only adapts shapes: progress reports, the summary, and what an insert did, in sentences.
 */
import { Decimal, findDriver } from '../model';
import * as writer from './excelWriter';
import { unitText } from './fields';
import type { ExcelHost } from './excelWriter';
import type { InsertReport, Progress, WorkbookPort, WorkbookSummary } from './port';

/** Where batches run (re-exported for taskpane.ts). */
export type { ExcelHost } from './excelWriter';
export { officeHost } from './excelWriter';

/** A progress report in whatever shape the writer sends it: text, a fraction, or an object with a message. */
export function toProgress(raw: unknown): Progress {
  if (typeof raw === 'string') return { message: raw };
  if (typeof raw === 'number') return { message: 'Working…', fraction: raw };
  if (raw && typeof raw === 'object') {
    const r = raw as Record<string, unknown>;
    const message = [r.message, r.label, r.step, r.stage, r.phase].find((v) => typeof v === 'string') as
      string | undefined;
    let fraction =
      typeof r.fraction === 'number' ? r.fraction : typeof r.progress === 'number' ? r.progress : undefined;
    if (fraction === undefined && typeof r.done === 'number' && typeof r.total === 'number' && r.total > 0) {
      fraction = r.done / r.total;
    }
    if (fraction === undefined && typeof r.step === 'number' && typeof r.steps === 'number' && r.steps > 0) {
      fraction = r.step / r.steps;
    }
    return { message: message ?? 'Working…', ...(fraction === undefined ? {} : { fraction }) };
  }
  return { message: 'Working…' };
}

/** What an insert did, in sentences for the pane. */
export function describeInsert(result: writer.InsertResult): InsertReport {
  const notes: string[] = [];
  const firstInsert = result.firstInsert;
  if (result.prefixedNames && firstInsert)
    notes.push(
      'This workbook already had some of the names KC Model uses, so the model’s names carry the prefix KC_ ' +
        '(KC_wacc, KC_targetPrice, …); your own names are unchanged.',
    );
  for (const [plan, actual] of Object.entries(result.renamed))
    if (firstInsert) notes.push(`Your sheet “${plan}” was left alone; the model’s is “${actual}”.`);
  const change = result.layoutChange;
  if (change) {
    notes.push(
      `This version of KC Model lays the sheets out differently (layout ${change.from} → ${change.to}); ` +
        `${change.moved} edited input${change.moved === 1 ? '' : 's'} moved to ${change.moved === 1 ? 'its' : 'their'} new cell${change.moved === 1 ? '' : 's'}.`,
    );
    if (change.sheetsAdded.length) notes.push(`New sheets: ${change.sheetsAdded.join(', ')}.`);
    if (change.dropped.length)
      notes.push(
        `The new layout has no cell for these edited inputs (re-enter them if still needed): ${change.dropped
          .map((d) => `${d.label} = ${inputValueText(d.key, d.value)}`)
          .join('; ')}.`,
      );
  }
  if (result.carried.length && !change)
    notes.push(
      `Kept ${result.carried.length} input${result.carried.length === 1 ? '' : 's'} you edited on the sheet.`,
    );
  return { notes, needsRecalculation: !result.calculated };
}

/** An input cell's value in its driver's unit ("11.0%", "0.7x"); anything else as it is. */
function inputValueText(key: string, value: unknown): string {
  const def = findDriver(key.split('|')[0]);
  return def && typeof value === 'number' && Number.isFinite(value)
    ? unitText(def, new Decimal(value))
    : String(value);
}

/** The pane's WorkbookPort over the Office.js writer, for a host. */
export function createExcelPort(host: ExcelHost): WorkbookPort {
  return {
    async insertModel({ scenario, overrides, reset, onProgress }) {
      const result = await writer.insertModel(host, {
        scenario,
        overrides,
        reset,
        onProgress: onProgress ? (raw: unknown) => onProgress(toProgress(raw)) : undefined,
      });
      return describeInsert(result);
    },
    convertToValues: async ({ scenario }) => (await writer.convertToValues(host, { scenario })).sheets,
    writeAssumption: (id, period, value) => writer.writeAssumption(host, id, period, value),
    async readSummary(): Promise<WorkbookSummary | null> {
      const summary = await writer.readSummary(host);
      if (!summary) return null;
      const { calculationMode, ...figures } = summary;
      return { figures, manualCalculation: calculationMode === 'Manual' };
    },
    readInsertedScenario: () => writer.readInsertedScenario(host),
    readEditedAssumptions: () => writer.readEditedAssumptions(host),
    watchModel: (listener) => writer.watchModel(host, listener),
  };
}
