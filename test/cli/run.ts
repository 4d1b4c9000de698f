import { main } from '../../src/cli/main';

/** What one run of the CLI wrote and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs main() with in-memory stdout and stderr. */
export function runCli(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const code = main(argv, { write: (s: string) => (stdout += s) }, { write: (s: string) => (stderr += s) });
  if (typeof code !== 'number')
    throw new Error('runCli is for the synchronous commands; xlsx answers with a promise');
  return { code, stdout, stderr };
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
