/// <reference types="office-js" />
/**
 * Follows the model in the workbook, as Microsoft's "Work with events using the Excel JavaScript API" shows: handlers
 * are added inside Excel.run (worksheet.onChanged on the sheet holding the inputs, worksheet.onCalculated on the
 * sheet holding the target price, both ExcelApi 1.7+) and removed with Excel.run(context, ...) on the context that
 * added them. Handlers do not survive closing the workbook, and a deleted sheet's handlers never fire again, so the
 * pane registers anew after every Insert, Update, Reset and when it attaches to a workbook.
 */
import { parseSheetRef } from './addresses';
import type { ExcelHost } from './excelHost';
import { INPUTS_NAME, PREFIX } from './layout';
import { notInserted } from './workbookErrors';
import { readWorkbook } from './workbookView';

/** A change on the inputs' sheet, or a calculation of the model. */
export type ModelEvent = 'changed' | 'calculated';

/** Calls `listener` when the inputs' sheet changes or the model's sheet calculates; resolves to a stop function. */
export async function watchModel(
  host: ExcelHost,
  listener: (event: ModelEvent) => void,
): Promise<() => Promise<void>> {
  const results = await host.run(async (context) => {
    const view = await readWorkbook(context);
    const inputs = parseSheetRef(view.names.get(INPUTS_NAME.toLowerCase())?.formula ?? '');
    const price = view.state?.prefixed ? `${PREFIX}targetPrice` : 'targetPrice';
    const valuation = parseSheetRef(view.names.get(price.toLowerCase())?.formula ?? '');
    const owned = new Set(view.owned.values());
    if (!inputs || !owned.has(inputs.sheet)) throw notInserted();
    const sheets = context.workbook.worksheets;
    const added = [sheets.getItem(inputs.sheet).onChanged.add(async () => listener('changed'))];
    if (valuation && owned.has(valuation.sheet))
      added.push(sheets.getItem(valuation.sheet).onCalculated.add(async () => listener('calculated')));
    await context.sync();
    return added;
  });
  return async () => {
    await host.runIn(results[0].context, async (context) => {
      for (const r of results) r.remove();
      await context.sync();
    });
  };
}
