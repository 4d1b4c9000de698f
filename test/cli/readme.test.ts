/** The README's command-line section stays true: its examples run, and it names every option and command. */
import { mkdtempSync, readFileSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commands';
import { OPTIONS } from '../../src/cli/options';
import { DRIVERS, VALUE_GROUPS } from '../../src/model';
import { ROOT, runCli, runCliAsync, shellWords } from './run';

const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const section = (title: string) => {
  const start = readme.indexOf(`## ${title}`);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
};
const cli = section('Command line: `kc-model`');
const workbook = section('The model as an Excel workbook');

/** The kc-model lines of the sections' code blocks, without comments, redirections and [optional] parts. */
const examples = [cli, workbook].flatMap((text) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('kc-model '))
    .map((line) =>
      line
        .replace(/#.*$/, '')
        .replace(/[|>].*$/, '')
        .replace(/\[([^\]]*)\]/g, '$1')
        .trim(),
    ),
);

const dir = mkdtempSync(path.join(tmpdir(), 'kc-readme-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('README: Command line', () => {
  it('has examples of every command', () => {
    for (const command of COMMANDS) expect(examples.some((e) => e.includes(` ${command.name}`))).toBe(true);
  });

  it.each(examples)('%s runs with exit code 0', async (example) => {
    const argv = shellWords(example).slice(1);
    const out = argv.indexOf('--out');
    if (out >= 0 && argv[out + 1] !== '-') argv[out + 1] = path.join(dir, path.basename(argv[out + 1]));
    const run = await runCliAsync(argv);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('names every option', () => {
    for (const def of OPTIONS) expect(cli).toContain(`--${def.name}`);
  });
});

describe('README: Valuation tools', () => {
  const tools = section('Valuation tools: what the price implies, what moved the value, what matters most');

  it.each([[['implied']], [['bridge', '--from', 'bear', '--to', 'base']], [['tornado']]])(
    'shows the output of kc-model %j on the base case as it is',
    (argv) => {
      const run = runCli(...argv);
      expect(run.code).toBe(0);
      expect(tools).toContain(`$ kc-model ${argv.join(' ')}\n${run.stdout.trimEnd()}\n`);
    },
  );

  it('lists every value group with its drivers as the driver records have them', () => {
    for (const group of VALUE_GROUPS) {
      const ids = DRIVERS.filter((d) => d.valueGroup === group.id).map((d) => `\`${d.id}\``);
      expect(tools).toContain(`- **${group.label}**: ${ids.join(', ')}\n`);
    }
  });
});
