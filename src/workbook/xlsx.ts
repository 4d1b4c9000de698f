/**
 * Writes a workbook plan to .xlsx with ExcelJS: formulas with the engine's values cached (so the file shows
 * numbers before any recalculation), blue inputs, black formulas, green links, the note's number formats,
 * frozen panes, widths and defined names. Decimals become JS numbers here, at the file boundary.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { PlanValue, WorkbookPlan } from './plan';
import { COLOURS, FONT, lookOf } from './styles';

function toCell(value: PlanValue): number | string | boolean {
  return typeof value === 'string' || typeof value === 'boolean' ? value : value.toNumber();
}

/** The plan as an ExcelJS workbook (in memory). */
export function planToWorkbook(plan: WorkbookPlan): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'kc-model';
  wb.calcProperties.fullCalcOnLoad = true;
  for (const sheet of plan.sheets) {
    const ws = wb.addWorksheet(sheet.name, {
      views: [
        sheet.freeze.rows || sheet.freeze.cols
          ? { state: 'frozen', xSplit: sheet.freeze.cols, ySplit: sheet.freeze.rows, showGridLines: false }
          : { state: 'normal', showGridLines: false },
      ],
    });
    sheet.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
    for (const c of sheet.cells) {
      const cell = ws.getCell(c.row, c.col);
      if (c.formula !== undefined) {
        cell.value = {
          formula: c.formula,
          result: c.cached === undefined ? undefined : toCell(c.cached),
        } as ExcelJS.CellFormulaValue;
      } else if (c.value !== undefined) {
        cell.value = toCell(c.value);
      }
      if (c.format) cell.numFmt = c.format;
      const look = lookOf(c.style, c.col);
      cell.font = {
        name: FONT.name,
        size: look.size ?? FONT.size,
        ...(look.color ? { color: { argb: `FF${look.color}` } } : {}),
        ...(look.bold ? { bold: true } : {}),
        ...(look.italic ? { italic: true } : {}),
      };
      const textResult = typeof c.cached === 'string' || typeof c.value === 'string';
      const numberLike = c.style === 'formula' || c.style === 'link' || c.style === 'input';
      if (look.alignRight || (textResult && numberLike)) cell.alignment = { horizontal: 'right' };
      else if (c.style === 'header') cell.alignment = { horizontal: 'left' };
      if (look.underline) cell.border = { bottom: { style: 'thin', color: { argb: `FF${COLOURS.rule}` } } };
      if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill}` } };
    }
  }
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet}'!${n.ref}`, n.name);
  return wb;
}

/** The plan as .xlsx bytes. */
export async function planToXlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  const data = await planToWorkbook(plan).xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

/**
 * Writes the plan to `file` atomically: to a temporary file in the same folder, then renamed over the target,
 * so that a failure never leaves a broken file where a good one was.
 */
export async function writePlanXlsx(plan: WorkbookPlan, file: string): Promise<void> {
  const buffer = await planToXlsxBuffer(plan);
  const dir = path.dirname(path.resolve(file));
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temp, buffer);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
