/** The .xlsx writer and `kc-model xlsx`: formulas with cached values, styles, names, atomic writes, exit codes. */
import { mkdtempSync, readdirSync, readFileSync, writeFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { main } from '../../src/cli/main';

const dir = mkdtempSync(path.join(tmpdir(), 'kc-xlsx-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function sink() {
  const out = { text: '', write: (t: string) => (out.text += t) };
  return out;
}

async function run(...args: string[]) {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args[0] === 'xlsx' ? args : ['xlsx', ...args], stdout, stderr);
  return { code, stdout: stdout.text, stderr: stderr.text };
}

describe('kc-model xlsx', () => {
  const file = path.join(dir, 'KC-Model.xlsx');
  let wb: ExcelJS.Workbook;

  beforeAll(async () => {
    const result = await run('--out', file, '--date', '2026-05-28');
    expect(result).toMatchObject({ code: 0, stderr: '' });
    expect(result.stdout).toMatch(/^Wrote .*KC-Model\.xlsx: 11 sheets, \d+ formulas, scenario base\.\n$/);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
  });

  it('writes the sheets with formulas whose cached values show numbers before recalculation', () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Assumptions',
      'Income Statement',
      'Balance Sheet',
      'Cash Flow',
      'Schedules',
      'Ratios',
      'DCF',
      'Valuation',
      'Checks',
      'Charts',
    ]);
    const is = wb.getWorksheet('Income Statement')!;
    // Row 4 heads the Income Statement section; total revenue is its first line.
    expect(is.getCell('A4').value).toBe('Income Statement');
    const revenue2026 = is.getCell('F5').value as ExcelJS.CellFormulaValue;
    expect(revenue2026.formula).toMatch(/^E5\*\(1\+'Assumptions'!F\d+\)$/);
    expect(typeof revenue2026.result).toBe('number');
    expect(is.getCell('F5').numFmt).toBe('#,##0.0_);(#,##0.0)');
  });

  it('colours inputs blue, formulas black, links green; freezes headers and labels; names the drivers', () => {
    const is = wb.getWorksheet('Income Statement')!;
    expect(is.getCell('E5').font?.color?.argb).toBe('FF0000FF');
    expect(is.getCell('F5').font?.color?.argb).toBe('FF000000');
    const summary = wb.getWorksheet('Summary')!;
    const linked = summary
      .getColumn(4)
      .values.find((v) => typeof v === 'object' && v !== null && 'formula' in v);
    expect(linked).toBeDefined();
    expect(is.views[0]).toMatchObject({ state: 'frozen', xSplit: 3, ySplit: 3 });
    expect(wb.definedNames.getRanges('wacc').ranges[0]).toMatch(/Assumptions'?!\$D\$\d+$/);
  });

  it('starts the selector on --scenario and applies --set', async () => {
    const bear = path.join(dir, 'bear.xlsx');
    expect((await run('xlsx', '--out', bear, '--scenario', 'bear', '--set', 'wacc=11%')).code).toBe(0);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(bear);
    const range = book.definedNames.getRanges('scenario').ranges[0];
    const ref = range.split('!')[1].replace(/\$/g, '');
    expect(book.getWorksheet('Assumptions')!.getCell(ref).value).toBe(3);
  });

  it('rejects a bad --set with one line and exit code 2, leaving the existing file untouched', async () => {
    const before = readFileSync(file);
    for (const args of [
      ['--set', 'wacc=abc'],
      ['--set', 'nope=1'],
      ['--set', 'wacc'],
      ['--scenario', 'sideways'],
      ['--bogus'],
    ]) {
      const result = await run('--out', file, ...args);
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('fails with exit code 2 on an unwritable path and leaves no temporary file', async () => {
    const result = await run('--out', path.join(dir, 'missing-folder', 'x.xlsx'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^kc-model: --out ".*x\.xlsx": the folder .* does not exist\.\n$/);
    const blocker = path.join(dir, 'is-a-file');
    writeFileSync(blocker, 'x');
    expect((await run('--out', path.join(blocker, 'x.xlsx'))).code).toBe(2);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp') || f.includes('.kc-tmp-'))).toEqual([]);
  });

  it('requires --out', async () => {
    expect(await run()).toMatchObject({ code: 2, stdout: '' });
  });
});
