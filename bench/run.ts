/**
 * `npm run bench [-- [--quick] [suite ...]]`: runs the suites listed in bench/suites/index.ts and prints, for each
 * case, the median and 90th-percentile time of one operation, in ms and as a multiple of a reference workload
 * timed in the same run (so results compare across machines), then a verdict line for each case with a target.
 *
 *   --quick      a tenth of the samples, for a smoke run
 *   suite names  run only those suites (e.g. `npm run bench -- model`)
 */
import os from 'node:os';
import { measureReference } from './reference';
import { SUITES } from './suites';
import type { Row } from './types';

interface Result extends Row {
  suite: string;
}

async function main(argv: readonly string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const wanted = argv.filter((a) => !a.startsWith('--'));
  const unknown = wanted.filter((name) => !SUITES.some((s) => s.name === name));
  if (unknown.length) {
    console.error(
      `Unknown suite(s): ${unknown.join(', ')}. Suites: ${SUITES.map((s) => s.name).join(', ')}.`,
    );
    return 2;
  }
  const suites = wanted.length ? SUITES.filter((s) => wanted.includes(s.name)) : SUITES;
  const scale = quick ? 0.1 : 1;

  const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
  console.log(
    `kc-model bench | node ${process.version} | ${os.platform()} ${os.arch()} | ${cpu} x${os.cpus().length}${quick ? ' | --quick' : ''}`,
  );

  const referenceBefore = measureReference(scale);
  const results: Result[] = [];
  for (const suite of suites) {
    process.stdout.write(`running ${suite.name} ...\n`);
    for (const row of await suite.run({ scale })) results.push({ suite: suite.name, ...row });
  }
  const referenceAfter = measureReference(scale);
  // The yardstick is the faster of the two reference runs: the one least disturbed by other load.
  const reference = referenceBefore.medianMs <= referenceAfter.medianMs ? referenceBefore : referenceAfter;

  console.log();
  printTable([{ suite: '-', ...reference }, ...results], reference.medianMs);
  const drift = Math.abs(referenceAfter.medianMs / referenceBefore.medianMs - 1);
  console.log(
    `\nx ref = time / median of the reference (${ms(reference.medianMs)} ms). Reference before/after the suites: ` +
      `${ms(referenceBefore.medianMs)} / ${ms(referenceAfter.medianMs)} ms${drift > 0.15 ? ' (drifted by more than 15%: the machine was busy, treat ratios with care)' : ''}.`,
  );
  for (const r of results) if (r.note) console.log(`  ${r.name}: ${r.note}`);

  console.log();
  for (const r of results.filter((r) => r.targetMs !== undefined)) {
    const met = r.medianMs < r.targetMs!;
    console.log(
      `Verdict: ${r.name}: median ${ms(r.medianMs)} ms (p90 ${ms(r.p90Ms)} ms, ${ratio(r.medianMs / reference.medianMs)} x ref) ` +
        `vs target < ${r.targetMs} ms: ${met ? 'MET' : 'NOT MET'}${met ? ` (${ratio(r.targetMs! / r.medianMs)}x headroom)` : ''}.`,
    );
  }
  return 0;
}

function printTable(rows: Result[], referenceMs: number) {
  const header = [
    'suite',
    'case',
    'samples x batch',
    'median ms',
    'p90 ms',
    'median x ref',
    'p90 x ref',
    'target ms',
  ];
  const body = rows.map((r) => [
    r.suite,
    r.name,
    `${r.samples} x ${r.batch}`,
    ms(r.medianMs),
    ms(r.p90Ms),
    ratio(r.medianMs / referenceMs),
    ratio(r.p90Ms / referenceMs),
    r.targetMs === undefined ? '' : `< ${r.targetMs}`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const numeric = (i: number) => i >= 2;
  const line = (cells: string[]) =>
    cells.map((c, i) => (numeric(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const cells of body) console.log(line(cells));
}

/** Milliseconds with 3 significant digits (at least 4 decimals below 0.01 ms). */
function ms(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  if (value >= 1) return value.toFixed(2);
  if (value >= 0.01) return value.toFixed(3);
  return value.toFixed(5);
}

function ratio(value: number): string {
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(value >= 1 ? 2 : 3);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
