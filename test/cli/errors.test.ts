import { USAGE } from '../../src/cli/main';
import * as model from '../../src/model';
import { runCli } from './run';

describe('kc-model exit codes and error messages', () => {
  it.each([
    ['an unknown id', ['statements', '--set', 'foo=1'], ['"foo"']],
    ['a non-numeric value', ['statements', '--set', 'wacc=abc'], ['"wacc"', '"abc"', '0.01 to 0.5']],
    ['a value outside its range', ['grid', '--set', 'wacc=0.9'], ['"wacc"', '"0.9"', '0.01 to 0.5']],
    [
      'a period the driver does not take',
      ['statements', '--set', 'revenueGrowth.2031E=0.1'],
      ['"revenueGrowth.2031E"', '2026E'],
    ],
    [
      'WACC at or below terminal growth',
      ['statements', '--set', 'wacc=2%'],
      ['"wacc"', '0.02', '"terminalGrowth"'],
    ],
    ['an unknown scenario', ['assumptions', '--scenario', 'nope'], ['"nope"', 'base, bull, bear']],
    ['a malformed --set', ['statements', '--set', 'wacc'], ['--set "wacc"', 'ID=VALUE']],
    ['a --set without its pair', ['statements', '--set'], ['--set needs a value', 'wacc=11%']],
    ['an unknown flag', ['statements', '--verbose'], ['"--verbose"', '--json']],
    ['a format the command lacks', ['grid', '--csv'], ['--csv', 'text, json']],
    ['an unknown command', ['report'], ['"report"', 'statements, assumptions, grid']],
  ])('%s: exit 2, one line on stderr naming it, nothing on stdout', (_case, argv, mentions) => {
    const run = runCli(...argv);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kc-model: [^\n]+\n$/);
    for (const text of mentions) expect(run.stderr).toContain(text);
  });

  it('prints the usage on stdout with exit 0 for --help, even after a command', () => {
    expect(runCli('--help')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    expect(runCli('statements', '-h')).toEqual({ code: 0, stdout: USAGE, stderr: '' });
  });

  it('prints the usage on stderr with exit 2 when no command is given', () => {
    expect(runCli()).toEqual({ code: 2, stdout: '', stderr: USAGE });
  });

  it('names every command and option in the usage', () => {
    for (const word of [
      'statements',
      'assumptions',
      'grid',
      '--json',
      '--csv',
      '--scenario',
      '--set',
      ...model.SCENARIO_NAMES,
    ]) {
      expect(USAGE).toContain(word);
    }
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
