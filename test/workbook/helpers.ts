import { toCell, type LoadedPlan } from '../support/hyperformula';
import { close } from '../support/libreoffice';
import type { WorkbookPlan } from '../../src/workbook/plan';

/** Every formula cell of `expected` whose value in the loaded engine differs from the plan's cached (engine) value. */
export function mismatches(
  loaded: LoadedPlan,
  expected: WorkbookPlan,
): { count: number; compared: number; first: string[] } {
  let count = 0;
  let compared = 0;
  const first: string[] = [];
  for (const sheet of expected.sheets) {
    for (const c of sheet.cells) {
      if (c.formula === undefined || c.cached === undefined) continue;
      compared++;
      const actual = loaded.read({ sheet: sheet.name, row: c.row, col: c.col });
      const want = toCell(c.cached);
      const ok =
        typeof want === 'number' && typeof actual === 'number' ? close(actual, want) : actual === want;
      if (!ok) {
        count++;
        if (first.length < 10)
          first.push(
            `${sheet.name} ${c.what}: ${c.formula} = ${JSON.stringify(actual)}, engine ${JSON.stringify(want)}`,
          );
      }
    }
  }
  return { count, compared, first };
}
