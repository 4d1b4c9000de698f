/**
 * The pane's WorkbookPort over excelWriter.ts, for any ExcelHost: real Excel (Excel.run) or a test's stand-in.
 * Everything Office-specific stays in excelWriter; this only adapts shapes (progress reports, the summary).
 */
import * as writer from './excelWriter';
import type { ExcelHost } from './excelWriter';
import type { Progress, WorkbookPort } from './port';
import type { SummaryFigures } from './summary';

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

/** The pane's view of the writer's summary (the same figures; only the card's periods are read). */
function toFigures(summary: writer.ModelSummary | null): SummaryFigures | null {
  if (!summary) return null;
  return {
    targetPrice: summary.targetPrice,
    upside: summary.upside,
    enterpriseValue: summary.enterpriseValue,
    revenue: summary.revenue,
    ebitda: summary.ebitda,
    masterCheck: summary.masterCheck,
  };
}

export function createExcelPort(host: ExcelHost): WorkbookPort {
  return {
    async insertModel({ scenario, overrides, reset, onProgress }) {
      await writer.insertModel(host, {
        scenario,
        overrides,
        reset,
        onProgress: onProgress ? (raw: unknown) => onProgress(toProgress(raw)) : undefined,
      });
    },
    convertToValues: async ({ scenario }) => (await writer.convertToValues(host, { scenario })).sheets,
    writeAssumption: (id, period, value) => writer.writeAssumption(host, id, period, value),
    readSummary: async () => toFigures(await writer.readSummary(host)),
    readInsertedScenario: () => writer.readInsertedScenario(host),
    readEditedAssumptions: () => writer.readEditedAssumptions(host),
    watchAssumptions: (onChange) => writer.watchAssumptions(host, onChange),
  };
}
