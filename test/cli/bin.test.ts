/**
 * bin/kc-model.js as a process: exit codes, and the defects of issue 11 that only a real process shows: a
 * closed pipe, a full disk (/dev/full) and a run killed while writing must end cleanly, without a stack trace
 * or a temporary file left behind. This is the one suite that compiles lib/ (two would race).
 */
import { spawnSync } from 'child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { buildModel } from '../../src/model';
import { BIN, buildBin, kcModel, ROOT, startKcModel } from './run';

const dir = mkdtempSync(path.join(tmpdir(), 'kc-bin-'));

beforeAll(buildBin, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Resolves with the exit code and signal of a child process, and what it wrote on stderr. */
function exited(child: ReturnType<typeof startKcModel>) {
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal, stderr })),
  );
}

describe('bin/kc-model.js end to end', () => {
  it('prints statements as JSON with exit code 0', () => {
    const run = kcModel(['statements', '--json', '--note']);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    const json = JSON.parse(run.stdout) as { tables: unknown[]; dcf: { targetPriceUsd: number } };
    expect(json.tables).toHaveLength(6);
    expect(json.dcf.targetPriceUsd).toBe(buildModel().dcf().targetPrice.toNumber());
  });

  it('exits with 2 and one line on stderr for a bad --set', () => {
    const run = kcModel(['statements', '--json', '--set', 'wacc=abc']);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^kc-model: --set wacc: WACC: "abc" is not a number[^\n]*\n$/);
  });

  it('writes the workbook to standard output with --out -, and no file named "-"', () => {
    const run = spawnSync(process.execPath, [BIN, '--scenario', 'bull', 'xlsx', '--out', '-'], {
      cwd: dir,
      maxBuffer: 1 << 26,
    });
    expect(run.status).toBe(0);
    expect(run.stderr.toString()).toBe('');
    expect(run.stdout.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(existsSync(path.join(dir, '-'))).toBe(false);
  });
});

describe('writing to a closed pipe or a full disk crashes with a stack trace', () => {
  it('ends quietly with 0 when the reader has gone before anything is written', async () => {
    const child = startKcModel(['statements', '--years', 'all']);
    child.stdout.destroy();
    expect(await exited(child)).toEqual({ code: 0, signal: null, stderr: '' });
  });

  it.each([
    ['statements --json', 'head -1', 2],
    ['xlsx --out -', 'head -c 100', 100],
  ])('kc-model %s | %s: exit 0, nothing on stderr', (args, reader, bytes) => {
    // Both outputs are larger than a pipe's buffer (64 KiB), so the writer meets the closed pipe.
    const script = `"${process.execPath}" "${BIN}" ${args} 2>"${dir}/err" | ${reader} | wc -c; echo "\${PIPESTATUS[0]}"; cat "${dir}/err"`;
    const run = spawnSync('bash', ['-c', script], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stdout.trim().split(/\s+/)).toEqual([String(bytes), '0']);
  });

  it.each([['statements'], ['statements', '--json'], ['xlsx', '--out', '-']])(
    'kc-model %j > /dev/full: one line on stderr, exit 1',
    (...args) => {
      const full = openSync('/dev/full', 'w');
      try {
        const run = spawnSync(process.execPath, [BIN, ...args], {
          cwd: ROOT,
          stdio: ['ignore', full, 'pipe'],
          encoding: 'utf8',
        });
        expect(run.status).toBe(1);
        expect(run.stderr).toBe(
          'kc-model: cannot write to standard output: no space left on device (ENOSPC).\n',
        );
      } finally {
        closeSync(full);
      }
    },
  );
});

describe('temporary files are left behind after a kill', () => {
  it.each([['SIGTERM'], ['SIGINT']] as const)(
    'a run killed with %s while writing removes its temporary file and leaves no workbook',
    async (signal) => {
      const folder = mkdtempSync(path.join(dir, `${signal}-`));
      const child = startKcModel(['xlsx', '--out', path.join(folder, 'KC-Model.xlsx')]);
      const done = exited(child);
      const temp = `.KC-Model.xlsx.kc-tmp-${child.pid}`;
      // The temporary file exists from before the workbook is built until it is renamed (about a second).
      let seen = false;
      while (!seen && child.exitCode === null) {
        seen = readdirSync(folder).includes(temp);
        if (!seen) await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(seen).toBe(true);
      child.kill(signal);
      const result = await done;
      expect(result.signal).toBe(signal);
      expect(result.stderr).toBe('');
      expect(readdirSync(folder)).toEqual([]);
    },
  );
});
