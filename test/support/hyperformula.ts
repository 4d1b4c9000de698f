/**
 * Test and benchmark support (not shipped): loads a workbook plan into HyperFormula (a spreadsheet engine in JavaScript): the parity tests and the
 * benchmark use it to recalculate every formula of the plan independently of the model's evaluator.
 */
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { toCell, type CellAddress, type WorkbookPlan } from '../../src/workbook/plan';

export interface LoadedPlan {
  hf: HyperFormula;
  /** A cell's value as HyperFormula computes it: a number, text, a boolean, an error object, or null. */
  read(address: CellAddress): unknown;
  /** Sets a cell (1-based row and column) to a number or text, recalculating dependants. */
  write(address: CellAddress, value: number | string): void;
}

export { toCell };

/** Builds a HyperFormula instance holding every sheet, formula, value and defined name of the plan. */
export function loadIntoHyperFormula(plan: WorkbookPlan): LoadedPlan {
  const sheets: Record<string, RawCellContent[][]> = {};
  for (const sheet of plan.sheets) {
    const rows: RawCellContent[][] = [];
    for (const cell of sheet.cells) {
      const row = (rows[cell.row - 1] ??= []);
      row[cell.col - 1] =
        cell.formula !== undefined
          ? `=${cell.formula}`
          : cell.value === undefined
            ? null
            : toCell(cell.value);
    }
    for (let i = 0; i < rows.length; i++) rows[i] ??= [];
    sheets[sheet.name] = rows;
  }
  const names = plan.names.map((n) => ({ name: n.name, expression: `='${n.sheet}'!${n.ref}` }));
  const hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false }, names);
  const id = (name: string) => {
    const sheet = hf.getSheetId(name);
    if (sheet === undefined) throw new Error(`No sheet ${name}`);
    return sheet;
  };
  return {
    hf,
    read: (a) => hf.getCellValue({ sheet: id(a.sheet), row: a.row - 1, col: a.col - 1 }),
    write: (a, value) => {
      hf.setCellContents({ sheet: id(a.sheet), row: a.row - 1, col: a.col - 1 }, value);
    },
  };
}
