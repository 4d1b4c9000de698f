import { COMMANDS } from '../../src/cli/commands';
import { generalHelp } from '../../src/cli/help';
import * as model from '../../src/model';
import { runCli, runCliAsync } from './run';

const USAGE = generalHelp(COMMANDS);

describe('kc-model exit codes and error messages', () => {
  it.each([
    ['an unknown id', ['statements', '--set', 'foo=1'], ['"foo"', 'kc-model assumptions']],
    [
      'a non-numeric value',
      ['statements', '--set', 'wacc=abc'],
      ['--set wacc: WACC', '"abc"', '1.0% to 50.0%'],
    ],
    [
      'a value outside its range',
      ['grid', '--set', 'wacc=0.9'],
      ['--set wacc: WACC', '90.0%', '1.0% to 50.0%'],
    ],
    [
      'a period the driver does not take',
      ['statements', '--set', 'revenueGrowth.2031E=0.1'],
      ['"revenueGrowth.2031E"', '2026E'],
    ],
    [
      'WACC at or below terminal growth',
      ['statements', '--set', 'wacc=2%'],
      ['WACC (2.0%) must be above terminal growth (3.0%)'],
    ],
    ['an unknown scenario', ['assumptions', '--scenario', 'nope'], ['"nope"', 'base, bull, bear']],
    ['a malformed --set', ['statements', '--set', 'wacc'], ['--set', '"wacc"', 'ID=VALUE']],
    ['a --set without its pair', ['statements', '--set'], ['--set needs a value', 'wacc=11%']],
    ['a --set followed by an option', ['statements', '--set', '--json'], ['"--json"', '--set=VALUE']],
    ['an unknown flag', ['statements', '--verbose'], ['"--verbose"', 'kc-model help']],
    ['a format the command lacks', ['grid', '--csv'], ['--csv', '"grid"', 'statements']],
    ['an option of another command', ['statements', '--out', 'f.xlsx'], ['--out', 'xlsx']],
    ['both --json and --csv', ['statements', '--json', '--csv'], ['exclude each other']],
    ['a flag given a value', ['statements', '--json=yes'], ['--json takes no value']],
    ['--years with --json', ['statements', '--json', '--years', 'all'], ['--years', '--json']],
    ['a year outside the model', ['statements', '--years', '2040'], ['"2040"', '2025 to 2035']],
    ['a range that runs backwards', ['statements', '--years', '2030-2026'], ['"2030-2026"', 'backwards']],
    [
      'an unknown command',
      ['report'],
      ['"report"', 'statements, assumptions, grid, implied, bridge, tornado, xlsx, help'],
    ],
    ['an argument after the command', ['statements', 'grid'], ['"grid"', 'after "statements"']],
    ['options but no command', ['--json'], ['No command given']],
    ['help on an unknown command', ['help', 'nope'], ['"nope"', 'statements']],
    ['a bad --date', ['xlsx', '--out', '-', '--date', '2026-02-30'], ['--date', '"2026-02-30"']],
    ['xlsx without --out', ['xlsx'], ['--out FILE is required']],
  ])('%s: exit 2, one line on stderr naming it, nothing on stdout', async (_case, argv, mentions) => {
    const run = await runCliAsync(argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kc-model: [^\n]+\n$/);
    for (const text of mentions) expect(run.stderr).toContain(text);
  });

  it('prints the usage on stdout with exit 0 for --help and help, a command help after a command', () => {
    expect(runCli('--help')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(runCli('help')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    const statements = runCli('statements', '-h');
    expect(statements.code).toBe(0);
    expect(statements.stdout).toMatch(/^Usage: kc-model statements /);
    expect(runCli('-h', 'statements')).toEqual(statements);
    expect(runCli('help', 'statements')).toEqual(statements);
  });

  it('answers --help even when the rest of the line is wrong', () => {
    expect(runCli('statements', '--bogus', '--help').code).toBe(0);
    expect(runCli('grid', '--scenario', 'nope', '--help').code).toBe(0);
  });

  it('prints the usage on stderr with exit 2 when no argument is given', () => {
    expect(runCli()).toEqual({ code: 2, stdout: '', stderr: USAGE });
  });

  it('names every command and every option in the help', () => {
    for (const command of COMMANDS) {
      expect(USAGE).toContain(`  ${command.name} `);
      const help = runCli('help', command.name).stdout;
      for (const option of command.options) expect(help).toContain(`--${option}`);
      for (const example of command.examples) expect(help).toContain(example);
    }
    for (const word of [
      '--scenario',
      '--set',
      '--help',
      '--version',
      '--json',
      '--csv',
      '--years',
      '--out',
      '--date',
    ])
      expect(USAGE).toContain(word);
    for (const name of model.SCENARIO_NAMES) expect(USAGE).toContain(name);
  });

  it('reports an unexpected failure with exit 1 and one line', () => {
    const spy = jest.spyOn(model, 'buildModel').mockImplementation(() => {
      throw new Error('disk on fire\n  at somewhere');
    });
    try {
      expect(runCli('statements')).toEqual({
        code: 1,
        stdout: '',
        stderr: 'kc-model: internal error: disk on fire at somewhere\n',
      });
    } finally {
      spy.mockRestore();
    }
  });
});
