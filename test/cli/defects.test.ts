/**
 * The CLI defects of issue 11 ("Why", The CLI), one describe each; every test here failed before the fix.
 * Defects that only a real process shows (a closed pipe, a full disk, a killed run) are in bin.test.ts.
 */
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  statSync,
  writeFileSync,
} from 'fs';
import { execFileSync } from 'child_process';
import { tmpdir } from 'os';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { buildModel, Decimal, findDriver, sensitivityGrid, SCENARIO_NAMES } from '../../src/model';
import * as xlsxWriter from '../../src/workbook/xlsx';
import { ROOT, runCli, runCliAsync, widest } from './run';

const dir = mkdtempSync(path.join(tmpdir(), 'kc-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The scenario selector's value in a written workbook: 1 base, 2 bull, 3 bear. */
async function selector(file: string | Buffer): Promise<unknown> {
  const book = new ExcelJS.Workbook();
  if (typeof file === 'string') await book.xlsx.readFile(file);
  // ExcelJS types its Buffer on ArrayBuffer; Node's Buffer may sit on a SharedArrayBuffer in the types.
  else await book.xlsx.load(file as unknown as ExcelJS.Buffer);
  const [sheet, ref] = book.definedNames.getRanges('scenario').ranges[0].split('!');
  return book.getWorksheet(sheet.replace(/'/g, ''))!.getCell(ref.replace(/\$/g, '')).value;
}

/** Expects exit code 2, nothing on stdout and exactly one line on stderr. */
function expectUsageError(run: { code: number; stdout: string; stderr: string }) {
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^kc-model: [^\n]+\n$/);
}

describe('"kc-model --scenario bull xlsx --out f" fails: xlsx has its own parser and is left out of the command list', () => {
  it('takes --scenario before the command and starts the selector on it', async () => {
    const file = path.join(dir, 'bull.xlsx');
    const run = await runCliAsync(['--scenario', 'bull', 'xlsx', '--out', file, '--date', '2026-05-28']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toMatch(/scenario bull\.\n$/);
    expect(await selector(file)).toBe(2);
  });

  it('takes --set and --out on either side of the command', async () => {
    const file = path.join(dir, 'bear.xlsx');
    const run = await runCliAsync(['--set', 'wacc=11%', '--out', file, 'xlsx', '--scenario=bear']);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(await selector(file)).toBe(3);
  });

  it('lists xlsx among the commands, in help and in the unknown-command message', async () => {
    expect(runCli('help').stdout).toMatch(/^ {2}xlsx /m);
    expect(runCli('nope').stderr).toContain('xlsx');
    // The one parser checks xlsx's options like any other command's.
    expectUsageError(await runCliAsync(['xlsx', '--out', path.join(dir, 'x.xlsx'), '--jsn']));
  });
});

describe('"--out -" writes a file named "-"', () => {
  afterAll(() => rmSync(path.join(ROOT, '-'), { force: true }));

  it('writes the workbook to standard output and no file', async () => {
    const run = await runCliAsync(['xlsx', '--out', '-', '--scenario', 'bear']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.bytes.subarray(0, 4)).toEqual(Buffer.from('PK\x03\x04', 'latin1'));
    expect(await selector(run.bytes)).toBe(3);
    expect(existsSync(path.join(ROOT, '-'))).toBe(false);
  });

  it('refuses to write the binary file to a terminal', async () => {
    const run = await runCliAsync(['xlsx', '--out', '-'], { isTTY: true });
    expectUsageError(run);
    expect(run.stderr).toContain('terminal');
  });
});

describe('no --version, no "did you mean", and "kc-model help" is rejected', () => {
  const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    version: string;
  };

  it.each([['--version'], ['-v'], ['grid', '--version']])('%s prints the version', (...argv) => {
    expect(runCli(...argv)).toEqual({ code: 0, stdout: `kc-model ${version}\n`, stderr: '' });
  });

  it('"help" prints the usage with every command; "help COMMAND" the command\'s own', () => {
    const help = runCli('help');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    for (const name of ['statements', 'assumptions', 'grid', 'xlsx', 'help'])
      expect(help.stdout).toMatch(new RegExp(`^  ${name} `, 'm'));
    const grid = runCli('help', 'grid');
    expect(grid).toMatchObject({ code: 0, stderr: '' });
    expect(grid.stdout).toMatch(/^Usage: kc-model grid /);
    expect(runCli('grid', '--help')).toEqual(grid);
    expect(runCli('help', 'xlsx').stdout).toContain('--out FILE');
  });

  it.each([
    [['statments'], '"statements"'],
    [['grd'], '"grid"'],
    [['help', 'gird'], '"grid"'],
    [['statements', '--jsn'], '"--json"'],
    [['statements', '--year', 'all'], '"--years"'],
    [['statements', '-json'], '"--json"'],
    [['statements', '--set', 'revenuGrowth=0.2'], '"revenueGrowth"'],
    [['statements', '--set', 'csh.2025A=1'], '"cash"'],
    [['grid', '--scenario', 'bul'], '"bull"'],
  ])('%j: did you mean %s?', (argv, suggestion) => {
    const run = runCli(...argv);
    expectUsageError(run);
    expect(run.stderr).toContain(`Did you mean ${suggestion}`);
  });
});

describe('text output is 191 columns wide (assumptions 335)', () => {
  const outputs = SCENARIO_NAMES.flatMap((scenario) =>
    ['statements', 'assumptions', 'grid'].map((command) => [command, scenario]),
  );

  it.each(outputs)('%s --scenario %s fits 100 columns', (command, scenario) => {
    const run = runCli(command, '--scenario', scenario);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
  });

  it.each([[[]], [['statements']], [['assumptions']], [['grid']], [['xlsx']], [['help']]])(
    'help %j fits 100 columns',
    (args) => {
      const run = runCli('help', ...args);
      expect(run).toMatchObject({ code: 0, stderr: '' });
      expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    },
  );

  const header = (text: string, first: string) =>
    text
      .split('\n')
      .find((line) => line.startsWith(first))!
      .trim()
      .split(/\s+/);

  it('shows 12/25-12/28E by default; --years all or a range shows more', () => {
    expect(header(runCli('statements').stdout, 'Line ')).toEqual([
      'Line',
      'Unit',
      '12/25',
      '12/26E',
      '12/27E',
      '12/28E',
    ]);
    expect(header(runCli('statements', '--years', 'all').stdout, 'Line ').slice(2)).toEqual([
      '12/25',
      '12/26E',
      '12/27E',
      '12/28E',
      '12/29E',
      '12/30E',
      '12/31E',
      '12/32E',
      '12/33E',
      '12/34E',
      '12/35E',
    ]);
    expect(header(runCli('--years', '2026-2030', 'statements').stdout, 'Line ').slice(2)).toEqual([
      '12/26E',
      '12/27E',
      '12/28E',
      '12/29E',
      '12/30E',
    ]);
    expect(runCli('assumptions').stdout).not.toContain('12/29E  ');
    expect(runCli('assumptions', '--years', 'all').stdout).toMatch(/12\/29E +12\/30E/);
  });
});

describe('"--set price=13,03" silently becomes 1,303: every comma is dropped', () => {
  it.each(['price=13,03', 'price=1,2', 'wacc=10,3%'])('--set %s is exit 2, saying to use a point', (pair) => {
    const run = runCli('statements', '--set', pair);
    expectUsageError(run);
    expect(run.stderr).toContain('use a point for decimals');
  });
});

describe('"--set __proto__=1" is silently ignored', () => {
  it.each(['__proto__=1', 'constructor.name=1', 'toString.length=1', 'hasOwnProperty.name=0'])(
    '--set %s is an unknown assumption, exit 2',
    (pair) => {
      const run = runCli('statements', '--set', pair);
      expectUsageError(run);
      expect(run.stderr).toContain('Unknown assumption');
    },
  );
});

describe('"xlsx --out" renames its temporary file over special files; temporary files are left behind', () => {
  const temps = (folder: string) =>
    readdirSync(folder).filter((name) => name.includes('.kc-tmp-') || name.endsWith('.tmp'));

  it('refuses a folder, leaving it as it was', async () => {
    const folder = path.join(dir, 'a-folder');
    mkdirSync(folder);
    const run = await runCliAsync(['xlsx', '--out', folder]);
    expectUsageError(run);
    expect(run.stderr).toContain('folder');
    expect(statSync(folder).isDirectory()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('refuses a FIFO, which stays a FIFO', async () => {
    const fifo = path.join(dir, 'a-fifo');
    execFileSync('mkfifo', [fifo]);
    const run = await runCliAsync(['xlsx', '--out', fifo]);
    expectUsageError(run);
    expect(run.stderr).toContain('not a regular file');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(temps(dir)).toEqual([]);
  });

  it('refuses /dev/null, through a link and directly; /dev/null stays a device', async () => {
    const link = path.join(dir, 'to-dev-null.xlsx');
    symlinkSync('/dev/null', link);
    const viaLink = await runCliAsync(['xlsx', '--out', link]);
    expectUsageError(viaLink);
    expect(viaLink.stderr).toContain('character device');
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    // Only once the link is refused is /dev/null itself tried: this machine's /dev/null is at stake.
    const direct = await runCliAsync(['xlsx', '--out', '/dev/null']);
    expectUsageError(direct);
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true);
  });

  it('removes the temporary file when writing fails, and leaves the old file alone', async () => {
    const file = path.join(dir, 'kept.xlsx');
    writeFileSync(file, 'the old workbook');
    const spy = jest.spyOn(xlsxWriter, 'planToXlsxBuffer').mockRejectedValue(new Error('out of memory'));
    try {
      const run = await runCliAsync(['xlsx', '--out', file]);
      expect(run.code).toBe(1);
      expect(run.stderr).toMatch(/^kc-model: [^\n]*out of memory\n$/);
    } finally {
      spy.mockRestore();
    }
    expect(readFileSync(file, 'utf8')).toBe('the old workbook');
    expect(temps(dir)).toEqual([]);
  });

  it("removes earlier runs' temporary files whose process is gone, and no other", async () => {
    const folder = path.join(dir, 'stale');
    mkdirSync(folder);
    const file = path.join(folder, 'KC-Model.xlsx');
    const gone = Number(execFileSync(process.execPath, ['-p', 'process.pid'], { encoding: 'utf8' }));
    const stale = `.KC-Model.xlsx.kc-tmp-${gone}`;
    const live = `.KC-Model.xlsx.kc-tmp-${process.ppid}`;
    const other = `.Other.xlsx.kc-tmp-${gone}`;
    for (const name of [stale, live, other]) writeFileSync(path.join(folder, name), 'partial');
    const run = await runCliAsync(['xlsx', '--out', file]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(readdirSync(folder).sort()).toEqual([live, other, 'KC-Model.xlsx'].sort());
  });
});

describe('a 1 MB --set value is echoed whole into the error line', () => {
  const mb = 'x'.repeat(1 << 20);

  it.each([
    ['a value', ['statements', '--set', `wacc=${mb}`]],
    ['an id', ['statements', '--set', `${mb}=1`]],
    ['a period', ['statements', '--set', `revenueGrowth.${mb}=0.1`]],
    ['a malformed --set', ['statements', '--set', mb]],
    ['a scenario', ['grid', '--scenario', mb]],
    ['an option', ['statements', `--${mb}`]],
    ['a command', [mb]],
    ['--years', ['statements', '--years', mb]],
    ['--date', ['xlsx', '--out', '-', '--date', mb]],
  ])('%s: one line of at most a few hundred characters', async (_what, argv) => {
    const run = await runCliAsync(argv);
    expectUsageError(run);
    expect(run.stderr.length).toBeLessThan(400);
    expect(run.stderr).toContain('xxx…"');
  });

  it('a valid 1 MB value is applied, and echoed cut in the text header', () => {
    const run = runCli('statements', '--set', `wacc=0.11${'0'.repeat(1 << 20)}`);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
    expect(run.stdout).toContain('wacc=0.110000');
  });
});

describe('allowed WACC or growth values near their limits make grid fail, blaming a value never typed', () => {
  interface GridJson {
    wacc: number;
    terminalGrowth: number;
    waccs: number[];
    terminalGrowths: number[];
    values: (number | null)[][];
  }
  const wacc = findDriver('wacc')!;
  const growth = findDriver('terminalGrowth')!;

  it.each([
    [{ wacc: '0.01', terminalGrowth: '-0.05' }],
    [{ wacc: '0.5' }],
    [{ wacc: '0.5', terminalGrowth: '0.2' }],
    [{ wacc: '0.02', terminalGrowth: '0.01' }],
    [{ wacc: '0.0123', terminalGrowth: '0.0111' }],
    [{ terminalGrowth: '0.2', wacc: '0.201' }],
  ])('%j: 11 x 11 inside the allowed ranges, through the case, NM where WACC <= growth', (overrides) => {
    const sets = Object.entries(overrides).flatMap(([id, value]) => ['--set', `${id}=${value}`]);
    const run = runCli('grid', '--json', ...sets);
    expect(run).toMatchObject({ code: 0, stderr: '' });
    const grid = JSON.parse(run.stdout) as GridJson;
    expect(grid.waccs).toHaveLength(11);
    expect(grid.terminalGrowths).toHaveLength(11);
    for (const w of grid.waccs) expect(w >= wacc.min && w <= wacc.max).toBe(true);
    for (const g of grid.terminalGrowths) expect(g >= growth.min && g <= growth.max).toBe(true);
    expect(grid.waccs).toContain(grid.wacc);
    expect(grid.terminalGrowths).toContain(grid.terminalGrowth);
    const expected = sensitivityGrid({ overrides }, grid.waccs.map(String), grid.terminalGrowths.map(String));
    expect(grid.values).toEqual(expected.map((row) => row.map((cell) => cell && cell.toNumber())));
    grid.terminalGrowths.forEach((g, i) =>
      grid.waccs.forEach((w, j) => expect(grid.values[i][j] === null).toBe(new Decimal(w).lte(g))),
    );
    const own = grid.values[grid.terminalGrowths.indexOf(grid.terminalGrowth)][grid.waccs.indexOf(grid.wacc)];
    expect(own).toBe(buildModel({ overrides }).dcf().valuePerAdsUsd.toNumber());
    const text = runCli('grid', ...sets);
    expect(text.code).toBe(0);
    expect(widest(text.stdout)).toBeLessThanOrEqual(100);
  });
});

/** Two defects of the list whose fixes are in the model and the workbook plan (issue 11, "Limits handled"). */
describe('limits handled by the model and the workbook plan', () => {
  it('xlsx near the WACC and growth limits writes the workbook (its DCF grid must clamp its axes)', async () => {
    const run = await runCliAsync([
      'xlsx',
      '--out',
      path.join(dir, 'limits.xlsx'),
      '--set',
      'wacc=0.01',
      '--set',
      'terminalGrowth=-0.05',
    ]);
    expect(run).toMatchObject({ code: 0, stderr: '' });
  });

  it('"--set revenueGrowth=-1", which is allowed, prints the statements with NM where a ratio has no denominator', () => {
    const run = runCli('statements', '--set', 'revenueGrowth=-1');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain('NM');
  });
});
