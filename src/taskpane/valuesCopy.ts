/// <reference types="office-js" />
/**
 * Convert to values: a values-only copy of the add-in's sheets ("KC values – Income Statement", ...) and a stamp sheet
 * ("KC values") with the scenario, date and version, beside the live model. Existing sheets are never overwritten.
 */
import { colLetter } from '../workbook/plan';
import type { ExcelHost } from './excelHost';
import { planFor, roleOf } from './layout';
import { notInserted } from './workbookErrors';
import { readWorkbook } from './workbookView';

function uniqueName(base: string, taken: Set<string>): string {
  const fits = (s: string) => s.slice(0, 31);
  let name = fits(base);
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = fits(`${base.slice(0, 24)} ${i}`);
  return name;
}

/** Writes the copies; resolves to the new sheets' names, the stamp first. */
export async function convertToValues(
  host: ExcelHost,
  options: { scenario: string; version?: string; date?: string },
): Promise<{ sheets: string[]; calculationMode: string }> {
  return host.run(async (context) => {
    const view = await readWorkbook(context);
    const sources = planFor('base', {})
      .sheets.map((s) => view.owned.get(roleOf(s.name)))
      .filter((s): s is string => !!s);
    if (!sources.length) throw notInserted();
    const ranges = sources.map((s) =>
      context.workbook.worksheets
        .getItem(s)
        .getUsedRange(true)
        .load('values,numberFormat,rowCount,columnCount'),
    );
    await context.sync();
    const taken = new Set(view.sheets.map((s) => s.toLowerCase()));
    const written: string[] = [];
    const stampName = uniqueName('KC values', taken);
    taken.add(stampName.toLowerCase());
    const stampSheet = context.workbook.worksheets.add(stampName);
    written.push(stampName);
    sources.forEach((source, i) => {
      const name = uniqueName(`KC values – ${source}`, taken);
      taken.add(name.toLowerCase());
      written.push(name);
      const r = ranges[i];
      const target = context.workbook.worksheets
        .add(name)
        .getRange(`A1:${colLetter(r.columnCount)}${r.rowCount}`);
      // Text stays text: every cell that held text gets the Text format before the values land.
      target.numberFormat = r.values.map((row, y) =>
        row.map((v, x) => (typeof v === 'string' && v !== '' ? '@' : r.numberFormat[y][x])),
      );
      target.values = r.values;
    });
    const rows: (string | number)[][] = [
      ['Kingsoft Cloud model: values only (no formulas)', ''],
      ['Scenario', options.scenario],
      ['Date', options.date ?? new Date().toISOString().slice(0, 10)],
      ['Version', options.version ?? 'kc-model'],
      ['Sheets', written.slice(1).join(', ')],
    ];
    const stamp = stampSheet.getRange(`A1:B${rows.length}`);
    stamp.numberFormat = rows.map(() => ['@', '@']);
    stamp.values = rows;
    await context.sync();
    return { sheets: written, calculationMode: view.calculationMode };
  });
}
