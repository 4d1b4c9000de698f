/**
 * The KC.* custom functions as Excel drives them on recalculation: 10,000 mixed calls (KC.REVENUE, KC.EBITDA, KC.DCF,
 * KC.LINE, KC.STATEMENT; single periods and period rows) spread over 100 distinct assumption ranges, through
 * createKcFunctions (src/functions/kc.ts, which functions.ts only delegates to). Timed from a cold memo, so the total includes the 100 builds; and,
 * for comparison, with the memo emptied before every call, so that every call builds its model afresh (what the
 * functions would cost without memoization), timed on fewer calls and extrapolated to 10,000.
 * Target: the 10,000 calls in under 1 s in total, with the memo bounded (cacheStats().size <= limit).
 * Then KC.DCF's sensitivity grids (11 x 11, and 21 x 21, the cap) beside the engine's own grid on the same axes, and
 * a 100 x 100 grid, which KC.DCF refuses (#VALUE!) before any work.
 */
import { createKcFunctions, type KcFunctions } from '../../src/functions/kc';
import { cacheStats, clearCache, defaultGridAxes, sensitivityGrid } from '../../src/model';
import { keep, measure, quantile, scaled } from '../timing';
import type { Row, Suite, SuiteContext } from '../types';

const CALLS = 10_000;
const SETS = 100;

type Call = (kc: KcFunctions) => unknown;

/** A deterministic pseudo-random sequence (LCG), so every run makes the same calls. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** The assumptions range of set `i` (offset `base` to get sets no other run has built): ids and values, as Excel passes them. */
function assumptionSet(i: number, base: number): unknown[][] {
  return [
    ['revenueGrowth.2027E', +(0.2 + (base + i) * 1e-8).toFixed(8)],
    ['wacc', `${(9.5 + (i % 10) * 0.2).toFixed(1)}%`],
    ['', ''],
    ['cashCogsRatio.2028E', 0.5 + (i % 7) * 0.001],
  ];
}

const PERIODS: unknown[] = [2025, 2026, '2027E', 'FY28', '12/29E', 2030, 2035];
const SEGMENTS = [null, 'AI-related', 'other than AI', 'ecosystem', 'other customers'];
const BASES = [null, 'reported', 'margin'];
const OUTPUTS = [null, 'Rmb per ADS', 'EV', 'equity value', 'upside', 'terminal-value share of EV'];
const ITEMS = ['netIncomePre', 'Free cash flow', 'cash', 'pe', 'roe', 'Total assets', 'capex', 'targetPrice'];
const STATEMENT_NAMES = ['Income Statement', 'Balance Sheet', 'Cash Flow', 'Headline'];

/** The 10,000 calls: a mix weighted towards the one-cell reads a model sheet is full of. */
function workload(base: number): Call[] {
  const next = random(42 + base);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const calls: Call[] = [];
  for (let i = 0; i < CALLS; i++) {
    const set = assumptionSet(Math.floor(next() * SETS), base);
    const period = pick(PERIODS);
    const roll = next();
    if (roll < 0.3) calls.push((kc) => kc.revenue([[period]], pick(SEGMENTS), null, set));
    else if (roll < 0.4) calls.push((kc) => kc.revenue([[2025, 2026, 2027, 2028]], null, null, set));
    else if (roll < 0.6) calls.push((kc) => kc.ebitda([[period]], pick(BASES), null, set));
    else if (roll < 0.75) calls.push((kc) => kc.dcf(null, null, pick(OUTPUTS), null, set));
    else if (roll < 0.97) calls.push((kc) => kc.line(pick(ITEMS), [[period]], null, set));
    else calls.push((kc) => kc.statement(pick(STATEMENT_NAMES), null, set));
  }
  return calls;
}

const kc = createKcFunctions((kind, message) => {
  throw new Error(`unexpected #${kind}: ${message}`);
});

const now = () => process.hrtime.bigint();
const elapsedMs = (start: bigint) => Number(now() - start) / 1e6;
const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

/** Heap the memo keeps per model after a run (needs --expose-gc: NODE_OPTIONS=--expose-gc npm run bench). */
function retainedPerModel(calls: Call[]): string {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) return 'retained heap per memoized model: run with NODE_OPTIONS=--expose-gc to measure';
  clearCache();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (const call of calls) keep(call(kc));
  gc();
  const kb = (process.memoryUsage().heapUsed - before) / 1024 / cacheStats().size;
  clearCache();
  return `retained heap per memoized model ${kb.toFixed(0)} KB (x limit ${cacheStats().limit} = ${((kb * cacheStats().limit) / 1024).toFixed(0)} MB at most)`;
}

/** For grids: an error is a value in its cell (a 21 x 21 grid has a few WACC <= growth corners), not a failure. */
const gridKc = createKcFunctions((kind) => `#${kind}`);

/** A distinct assumptions range for each sample, so no grid reads a memoized model. */
const freshRange = (i: number): unknown[][] => [['revenueGrowth.2027E', +(0.2 + i * 1e-7).toFixed(7)]];

/**
 * KC.DCF spilling a size x size sensitivity grid (WACCs in a row, growth rates in a column, as a sheet passes them),
 * beside the engine's own sensitivityGrid on the same axes and a fresh assumption set each sample, both from a cold
 * memo: the function should cost what the engine does, plus the conversion to cells.
 */
function gridRows(size: number, scale: number): Row[] {
  const { waccs, growths } = defaultGridAxes({}, size);
  const row = [waccs.map((w) => w.toNumber())];
  const column = growths.map((g) => [g.toNumber()]);
  const options = { samples: scaled(size > 11 ? 6 : 20, scale), warmup: 1, before: () => clearCache() };
  const fn = measure(
    `KC.DCF ${size} x ${size} grid, fresh assumptions range, cold memo`,
    (i) => gridKc.dcf(row, column, null, null, freshRange(2e6 + size * 1e4 + i)),
    options,
  );
  const engine = measure(
    `engine sensitivityGrid ${size} x ${size}, same axes, fresh set, cold memo`,
    (i) =>
      sensitivityGrid(
        { overrides: { 'revenueGrowth.2027E': +(0.2 + (3e6 + size * 1e4 + i) * 1e-7).toFixed(7) } },
        row[0],
        column.map((c) => c[0]),
      ),
    options,
  );
  return [
    { ...fn, note: `${(fn.medianMs / engine.medianMs).toFixed(2)}x the engine's own grid on the same axes` },
    engine,
  ];
}

/** KC.DCF given a 100 x 100 grid: refused at once with #VALUE! (it has a 21 x 21 cap). */
function overCapRow(scale: number): Row {
  const row = [Array.from({ length: 100 }, (_, i) => 0.05 + i * 0.001)];
  const column = Array.from({ length: 100 }, (_, i) => [i * 0.0005]);
  const refused = () => {
    try {
      gridKc.dcf(row, column);
    } catch (error) {
      return error;
    }
    throw new Error('KC.DCF computed a 100 x 100 grid: the 21 x 21 cap is gone');
  };
  if (refused() !== '#value')
    throw new Error('KC.DCF refused a 100 x 100 grid with something other than #VALUE!');
  return measure('KC.DCF 100 x 100 grid: refused (#VALUE!, over the 21 x 21 cap)', refused, {
    samples: scaled(200, scale),
    warmup: scaled(20, scale),
  });
}

export const functionsSuite: Suite = {
  name: 'functions',
  run({ scale }: SuiteContext): Row[] {
    // Warm the JIT on sets no measured run uses, then start every measured run from an empty memo.
    for (const call of workload(1_000_000).slice(0, 2_000)) keep(call(kc));

    const runs = scaled(5, scale);
    const totals: number[] = [];
    const perCall: number[] = [];
    let peakHeap = 0;
    let startHeap = Infinity;
    let cacheSize = 0;
    for (let run = 0; run < runs; run++) {
      const calls = workload(run * 1000);
      clearCache();
      startHeap = Math.min(startHeap, process.memoryUsage().heapUsed);
      const runStart = now();
      for (let i = 0; i < calls.length; i++) {
        const start = now();
        keep(calls[i](kc));
        perCall.push(elapsedMs(start));
        if (i % 100 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      }
      totals.push(elapsedMs(runStart));
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      cacheSize = Math.max(cacheSize, cacheStats().size);
    }
    const { limit } = cacheStats();
    const bounded = cacheSize <= limit;
    const retained = retainedPerModel(workload(0));

    // Without the memo: every call builds its model afresh (clearCache() before it, so buildModel runs
    // buildModelUncached). Fewer calls, the same mix; extrapolated per call to 10,000.
    const uncachedCalls = workload(5_000_000).slice(0, scaled(200, scale));
    const uncached: number[] = [];
    for (const call of uncachedCalls) {
      clearCache();
      const start = now();
      keep(call(kc));
      uncached.push(elapsedMs(start));
    }
    clearCache();

    const grids = [...[11, 21].flatMap((size) => gridRows(size, scale)), overCapRow(scale)];
    clearCache();

    const totalMedian = quantile(totals, 0.5);
    const uncachedMedian = quantile(uncached, 0.5);
    const uncachedMean = uncached.reduce((s, t) => s + t, 0) / uncached.length;
    const hitMedian = quantile(perCall, 0.5);
    const split =
      `about ${(((SETS * uncachedMedian) / totalMedian) * 100).toFixed(0)}% of it the ${SETS} builds (${SETS} x ${uncachedMedian.toFixed(2)} ms), ` +
      `the other ${CALLS - SETS} calls ~${(hitMedian * 1000).toFixed(0)} us each`;
    return [
      {
        name: `10,000 mixed KC.* calls over ${SETS} assumption sets, cold memo (whole run)`,
        samples: runs,
        batch: 1,
        medianMs: totalMedian,
        p90Ms: quantile(totals, 0.9),
        targetMs: 1000,
        note:
          `${split}; peak heapUsed ${mb(peakHeap)} MB (${mb(peakHeap - startHeap)} MB above the lowest start of a run); ` +
          `memo held ${cacheSize} models, limit ${limit}: ${bounded ? 'bounded' : 'NOT BOUNDED'}; ${retained}`,
      },
      {
        name: 'one KC.* call, memoized (median over all calls of those runs)',
        samples: perCall.length,
        batch: 1,
        medianMs: hitMedian,
        p90Ms: quantile(perCall, 0.9),
      },
      {
        name: 'one KC.* call, model built afresh for each call',
        samples: uncached.length,
        batch: 1,
        medianMs: uncachedMedian,
        p90Ms: quantile(uncached, 0.9),
        note:
          `extrapolated to 10,000 calls: ${((uncachedMean * CALLS) / 1000).toFixed(1)} s (mean ${uncachedMean.toFixed(2)} ms x 10,000), ` +
          `${((uncachedMean * CALLS) / totalMedian).toFixed(0)}x the memoized run`,
      },
      ...grids,
    ];
  },
};
