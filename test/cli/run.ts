import { execFileSync, spawn, spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/main';

/** The project root. */
export const ROOT = path.resolve(__dirname, '../..');

/** What one run of the CLI wrote and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** In-memory outputs for main(); `bytes` keeps binary output (xlsx --out -) exactly. */
function outputs(isTTY = false) {
  const chunks: Buffer[] = [];
  let errors = '';
  return {
    stdout: { isTTY, write: (chunk: string | Uint8Array) => chunks.push(Buffer.from(chunk)) },
    stderr: { write: (chunk: string | Uint8Array) => (errors += chunk.toString()) },
    result: (code: number) => {
      const bytes = Buffer.concat(chunks);
      return { code, stdout: bytes.toString('utf8'), stderr: errors, bytes };
    },
  };
}

/** Runs main() with in-memory stdout and stderr; for the commands that answer at once (all but xlsx). */
export function runCli(...argv: string[]): CliRun {
  const io = outputs();
  const code = main(argv, io.stdout, io.stderr);
  if (typeof code !== 'number') throw new Error('runCli is for the synchronous commands; use runCliAsync');
  const { stdout, stderr } = io.result(code);
  return { code, stdout, stderr };
}

/** Runs main() with in-memory outputs and waits for its exit code; stdout may be a terminal. */
export async function runCliAsync(
  argv: string[],
  options: { isTTY?: boolean } = {},
): Promise<CliRun & { bytes: Buffer }> {
  const io = outputs(options.isTTY);
  return io.result(await main(argv, io.stdout, io.stderr));
}

/** The widest line of a text, in characters. */
export function widest(text: string): number {
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** Compiles src/model and src/cli to lib/ for bin/kc-model.js (one test file does this, to avoid races). */
export function buildBin(): void {
  execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.cli.json'], {
    cwd: ROOT,
    stdio: 'pipe',
  });
}

/** The path of bin/kc-model.js. */
export const BIN = path.join(ROOT, 'bin/kc-model.js');

/** Runs bin/kc-model.js in a child Node process and waits for it. */
export function kcModel(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8' });
}

/** Starts bin/kc-model.js in a child Node process. */
export function startKcModel(args: string[], cwd = ROOT) {
  return spawn(process.execPath, [BIN, ...args], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** Splits one CSV record (RFC 4180, no line breaks inside cells) into its cells. */
export function parseCsvRecord(record: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < record.length; i++) {
    const ch = record[i];
    if (quoted && ch === '"' && record[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      cells.push(cell);
      cell = '';
    } else {
      cell += ch;
    }
  }
  return [...cells, cell];
}

/** Splits an example command line into its arguments as a POSIX shell would: spaces apart, "double quotes" kept together. */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  for (const match of line.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g))
    words.push(match[1] ?? match[2] ?? match[3]);
  return words;
}
