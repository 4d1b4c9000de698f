/**
 * A statement sheet (Income Statement, Balance Sheet, Cash Flow, Ratios): the note's tables in the note's order
 * and labels, then the model's supporting lines of the same sections. Built from the model's table layouts and
 * line sections, so lines the model adds appear without a change here.
 */
import { LINES, NOTE_TABLE_LAYOUTS, type LineDef } from '../model';
import { lineDef, PlanContext, periodWidths, SheetBuilder } from './builder';
import { HEADER_ROWS, LABEL_COL } from './layout';

/** Builds a statement sheet from note tables and model sections, placing its lines (formulas come later). */
export function lineSheet(
  ctx: PlanContext,
  name: string,
  tables: string[],
  sections: LineDef['section'][],
): SheetBuilder {
  const s = new SheetBuilder(name, periodWidths(40), { rows: HEADER_ROWS, cols: 3 });
  ctx.header(
    s,
    name,
    'Rmb mn unless stated. Blue: reported inputs. Black: formulas. Green: links to other sheets.',
  );
  let row = HEADER_ROWS + 1;
  const placed = new Set<string>();
  for (const tableName of tables) {
    const table = NOTE_TABLE_LAYOUTS.find((t) => t.name === tableName);
    if (!table) throw new Error(`The model has no note table ${tableName}`);
    if (tables.length > 1) s.text(row++, LABEL_COL, tableName, 'section');
    for (const r of table.rows) {
      ctx.placeLine(s, row++, lineDef(r.line), r.label);
      placed.add(r.line);
    }
    row++;
  }
  const supporting = LINES.filter((l) => sections.includes(l.section) && !placed.has(l.id));
  if (supporting.length) {
    s.text(row++, LABEL_COL, "Supporting lines (the model's, not printed in the note)", 'section');
    for (const def of supporting) ctx.placeLine(s, row++, def, def.label);
  }
  return s;
}
