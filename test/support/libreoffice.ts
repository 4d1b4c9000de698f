/**
 * Test and script support (not shipped): recalculates a written workbook in LibreOffice Calc (headless) and compares every formula's result with the
 * engine's value. LibreOffice keeps the cached values of an .xlsx unless told to recalculate on load, so a
 * private profile sets Calc's OOXMLRecalcMode to 0 (always recalculate).
 */
import { execFileSync } from 'child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import type { WorkbookPlan } from '../../src/workbook/plan';
import { writePlanXlsx } from '../../src/workbook/xlsx';
import { toCell } from './hyperformula';

export interface CalcReport {
  compared: number;
  /** Cells whose result is an error value (#VALUE!, #NAME?, ...). */
  errors: string[];
  /** Cells whose result differs from the engine's value. */
  mismatches: string[];
  /** The largest relative difference found among numbers. */
  maxRelativeDifference: number;
}

const PROFILE = `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`;

/** The soffice command, or undefined when LibreOffice is not installed. */
export function findSoffice(): string | undefined {
  for (const candidate of [
    '/usr/bin/soffice',
    '/usr/local/bin/soffice',
    '/usr/lib/libreoffice/program/soffice',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  try {
    return execFileSync('sh', ['-c', 'command -v soffice'], { encoding: 'utf8' }).trim() || undefined;
  } catch {
    return undefined;
  }
}

/** Numbers agree when within 1e-9 relative (absolute below magnitude 1: Rmb mn checks sit at zero). */
export function close(actual: number, expected: number, relative = 1e-9): boolean {
  return Math.abs(actual - expected) <= relative * Math.max(1, Math.abs(expected));
}

/** Writes the plan, recalculates it in LibreOffice Calc and compares every formula cell with the engine. */
export async function recalculateInLibreOffice(
  plan: WorkbookPlan,
  soffice = findSoffice(),
  options: { poisonCache?: boolean } = {},
): Promise<CalcReport> {
  if (!soffice) throw new Error('LibreOffice (soffice) is not installed');
  const work = mkdtempSync(path.join(tmpdir(), 'kc-calc-'));
  try {
    const profile = path.join(work, 'profile');
    mkdirSync(path.join(profile, 'user'), { recursive: true });
    writeFileSync(path.join(profile, 'user', 'registrymodifications.xcu'), PROFILE);
    const input = path.join(work, 'model.xlsx');
    const outDir = path.join(work, 'out');
    mkdirSync(outDir);
    // With poisonCache, the file's cached results are all wrong (text "stale"): only a real recalculation passes.
    const written = options.poisonCache ? poisoned(plan) : plan;
    await writePlanXlsx(written, input);
    execFileSync(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'xlsx:Calc MS Excel 2007 XML',
        '--outdir',
        outDir,
        input,
      ],
      { stdio: 'pipe', timeout: 180_000 },
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(outDir, 'model.xlsx'));
    return compare(plan, wb);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function poisoned(plan: WorkbookPlan): WorkbookPlan {
  return {
    ...plan,
    sheets: plan.sheets.map((s) => ({
      ...s,
      cells: s.cells.map((c) => (c.formula ? { ...c, cached: 'stale' } : c)),
    })),
  };
}

function compare(plan: WorkbookPlan, wb: ExcelJS.Workbook): CalcReport {
  const report: CalcReport = { compared: 0, errors: [], mismatches: [], maxRelativeDifference: 0 };
  for (const sheet of plan.sheets) {
    const ws = wb.getWorksheet(sheet.name);
    if (!ws) throw new Error(`LibreOffice's copy has no sheet ${sheet.name}`);
    for (const c of sheet.cells) {
      if (c.formula === undefined || c.cached === undefined) continue;
      report.compared++;
      const where = `${sheet.name}!${ws.getCell(c.row, c.col).address} (${c.what ?? ''})`;
      const raw = ws.getCell(c.row, c.col).value as unknown;
      const formulaCell = raw !== null && typeof raw === 'object' && 'formula' in raw;
      let result = formulaCell ? (raw as { result?: unknown }).result : raw;
      // ExcelJS drops a falsy cached result (<v>0</v>, FALSE) when reading: it comes back as undefined.
      const expected = toCell(c.cached);
      if (formulaCell && result === undefined) {
        if (expected === false) result = false;
        else if (typeof expected === 'number' && close(0, expected)) result = 0;
      }
      if (result !== null && typeof result === 'object' && 'error' in result) {
        report.errors.push(`${where}: ${(result as { error: string }).error}`);
        continue;
      }
      if (typeof expected === 'number' && typeof result === 'number') {
        const rel = Math.abs(result - expected) / Math.max(1, Math.abs(expected));
        report.maxRelativeDifference = Math.max(report.maxRelativeDifference, rel);
        if (!close(result, expected)) report.mismatches.push(`${where}: ${result} vs engine ${expected}`);
      } else if (result !== expected) {
        report.mismatches.push(`${where}: ${JSON.stringify(result)} vs engine ${JSON.stringify(expected)}`);
      }
    }
  }
  return report;
}
