/**
 * A statement sheet (Income Statement, Balance Sheet, Cash Flow, Schedules, Ratios): the model's statements and
 * schedules, each a section listing its lines in the model's presentation order and labels. Built from the
 * model's statement modules, so a line the model adds appears without a change here. (The note's own table
 * layouts verify the note on the Checks sheet.)
 */
import { STATEMENTS, type Section } from '../model';
import { PlanContext, periodWidths, SheetBuilder } from './builder';
import { HEADER_ROWS, LABEL_COL } from './layout';

/** Builds a sheet of one or more statements, placing their lines (formulas come later). */
export function lineSheet(
  ctx: PlanContext,
  name: string,
  sections: readonly Section[],
  note?: string,
): SheetBuilder {
  const s = new SheetBuilder(name, periodWidths(40), { rows: HEADER_ROWS, cols: 3 });
  ctx.header(
    s,
    name,
    note ?? 'Rmb mn unless stated. Blue: reported inputs. Black: formulas. Green: links to other sheets.',
  );
  let row = HEADER_ROWS + 1;
  for (const section of sections) {
    const statement = STATEMENTS.find((st) => st.name === section);
    if (!statement) throw new Error(`The model has no statement ${section}`);
    if (sections.length > 1) s.text(row++, LABEL_COL, section, 'section');
    for (const def of statement.lines) ctx.placeLine(s, row++, def, def.label);
    row++;
  }
  return s;
}
