import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { buildModel } from '../../src/model';

const ROOT = path.resolve(__dirname, '../..');

/** Runs bin/kc-model.js in a child Node process. */
function kcModel(...args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, 'bin/kc-model.js'), ...args], {
    cwd: ROOT,
    encoding: 'utf8',
  });
}

describe('bin/kc-model.js end to end', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
      cwd: ROOT,
      stdio: 'pipe',
    });
  }, 60_000);

  it('prints statements as JSON with exit code 0', () => {
    const run = kcModel('statements', '--json');
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { tables: unknown[]; dcf: { targetPriceUsd: number } };
    expect(json.tables).toHaveLength(6);
    expect(json.dcf.targetPriceUsd).toBe(buildModel().dcf().targetPrice.toNumber());
  });

  it('exits with 2 and one line on stderr for a bad --set', () => {
    const run = kcModel('statements', '--json', '--set', 'wacc=abc');
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kc-model: Assumption "wacc": "abc" is not a number[^\n]*\n$/);
  });
});
