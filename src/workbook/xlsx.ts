/**
 * Writes a workbook plan to .xlsx: ExcelJS writes the cells (formulas with the engine's values cached, so the file
 * shows numbers before any recalculation), the looks, number formats, widths, frozen panes, defined names and page
 * setup; ooxml.ts then adds what ExcelJS cannot write (native charts, outline summaries, the default font).
 * Decimals become JS numbers here, at the file boundary.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { colLetter } from './layout';
import { finishPackage } from './ooxml';
import { toCell, type PageBanner, type PlanSheet, type WorkbookPlan } from './plan';
import { COLOURS, FONT, lookOf } from './styles';

/** Height of one row of the base font, in points. */
const ROW_HEIGHT = 12.75;

/** A4 (paper size 9), landscape, narrow margins (inches). */
const PAGE = {
  paperSize: 9,
  margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 },
} as const;

/** A header or footer in Excel's codes (&L, &C, &R sections; &A sheet, &P page, &N pages), with the font named. */
export function bannerCode(banner: PageBanner, size: number): string {
  const section = (text: string) =>
    `&"${FONT.name},Regular"&${size}` +
    text
      .replace(/&/g, '&&')
      .replace(/\{sheet\}/g, '&A')
      .replace(/\{page\}/g, '&P')
      .replace(/\{pages\}/g, '&N');
  return `&L${section(banner.left)}&C${section(banner.center)}&R${section(banner.right)}`;
}

/** The plan as an ExcelJS workbook (in memory): everything but the charts, outline summaries and default font. */
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
      properties: {
        defaultRowHeight: ROW_HEIGHT,
        outlineLevelRow: sheet.groups.rows.length ? 1 : 0,
        outlineLevelCol: sheet.groups.cols.length ? 1 : 0,
      },
    });
    sheet.widths.forEach((width, i) => (ws.getColumn(i + 1).width = width));
    for (const c of sheet.cells) writeCell(ws, c);
    for (const [row, height] of Object.entries(sheet.heights ?? {})) ws.getRow(Number(row)).height = height;
    for (const group of sheet.groups.rows) {
      for (let r = group.from; r <= group.to; r++) {
        const row = ws.getRow(r);
        row.outlineLevel = 1;
        row.hidden = true;
        // A row with no cells is written only with a height; hidden, it must be written.
        if (row.cellCount === 0) row.height = ROW_HEIGHT;
      }
    }
    pageSetup(ws, sheet, plan);
  }
  for (const n of plan.names) wb.definedNames.add(`'${n.sheet}'!${n.ref}`, n.name);
  return wb;
}

function writeCell(ws: ExcelJS.Worksheet, c: PlanSheet['cells'][number]): void {
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
  const numberLike =
    c.style === 'formula' || c.style === 'link' || c.style === 'input' || c.style === 'check';
  const horizontal =
    look.alignRight || (textResult && numberLike) ? 'right' : c.style === 'header' ? 'left' : undefined;
  if (horizontal || c.wrap)
    cell.alignment = {
      ...(horizontal ? { horizontal } : {}),
      ...(c.wrap ? { wrapText: true, vertical: 'top' } : {}),
    } as ExcelJS.Alignment;
  const rule = { style: 'thin', color: { argb: `FF${COLOURS.rule}` } } as const;
  const box = { style: 'medium', color: { argb: `FF${COLOURS.formula}` } } as const;
  if (look.box) cell.border = { top: box, left: box, bottom: box, right: box };
  else if (look.underline) cell.border = { bottom: rule };
  if (look.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${look.fill}` } };
  if (c.comment) cell.note = c.comment;
}

/** Landscape A4, one page wide (the Summary and Charts on one page), print titles, header and footer. */
function pageSetup(ws: ExcelJS.Worksheet, sheet: PlanSheet, plan: WorkbookPlan): void {
  const { titleRows, titleCols, onePage } = sheet.print;
  ws.pageSetup = {
    ...ws.pageSetup,
    paperSize: PAGE.paperSize,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: onePage ? 1 : 0,
    horizontalCentered: false,
    margins: { ...PAGE.margins },
    ...(titleRows ? { printTitlesRow: `${titleRows.from}:${titleRows.to}` } : {}),
    ...(titleCols ? { printTitlesColumn: `${colLetter(titleCols.from)}:${colLetter(titleCols.to)}` } : {}),
  } as ExcelJS.PageSetup;
  ws.headerFooter = {
    oddHeader: bannerCode(plan.page.header, FONT.noteSize),
    oddFooter: bannerCode(plan.page.footer, FONT.noteSize - 1),
  } as ExcelJS.HeaderFooter;
}

/** The plan as .xlsx bytes: ExcelJS's package, finished with the charts, outlines and default font. */
export async function planToXlsxBuffer(plan: WorkbookPlan): Promise<Buffer> {
  const data = await planToWorkbook(plan).xlsx.writeBuffer();
  return finishPackage(data as ArrayBuffer, plan);
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
