/** The help texts: built from the commands and options, within 80 columns, and their examples run. */
import { mkdtempSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { COMMANDS } from '../../src/cli/commands';
import { commandHelp, generalHelp } from '../../src/cli/help';
import { runCliAsync, shellWords, widest } from './run';

const dir = mkdtempSync(path.join(tmpdir(), 'kc-help-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('help', () => {
  it('fits 80 columns', () => {
    expect(widest(generalHelp(COMMANDS))).toBeLessThanOrEqual(80);
    for (const command of COMMANDS) expect(widest(commandHelp(command))).toBeLessThanOrEqual(80);
  });

  const examples = COMMANDS.flatMap((command) => command.examples);

  it.each(examples)('the example "%s" runs with exit code 0', async (example) => {
    const argv = shellWords(example.replace(/[|>].*$/, '').trim()).slice(1);
    const out = argv.indexOf('--out');
    if (out >= 0 && argv[out + 1] !== '-') argv[out + 1] = path.join(dir, path.basename(argv[out + 1]));
    const run = await runCliAsync(argv);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});
