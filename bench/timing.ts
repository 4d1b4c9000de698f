import type { Row } from './types';

export interface MeasureOptions {
  /** Timed samples. */
  samples: number;
  /** Untimed samples run first, to warm up the JIT and caches. */
  warmup?: number;
  /** Calls of `fn` per sample, for operations too quick to time one at a time. */
  batch?: number;
  /** Untimed set-up before each sample (e.g. clearing a cache). */
  before?: (sample: number) => void;
}

/** Times `fn` and returns the median and 90th percentile of one call, in ms. `i` counts calls from 0 across all samples. */
export function measure(name: string, fn: (i: number) => unknown, options: MeasureOptions): Row {
  const { samples, warmup = Math.ceil(samples / 10), batch = 1, before } = options;
  const times: number[] = [];
  let i = 0;
  let sink: unknown;
  for (let s = 0; s < warmup + samples; s++) {
    before?.(s);
    const start = process.hrtime.bigint();
    for (let b = 0; b < batch; b++) sink = fn(i++);
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (s >= warmup) times.push(elapsed / batch);
  }
  keep(sink);
  return { name, samples, batch, medianMs: quantile(times, 0.5), p90Ms: quantile(times, 0.9) };
}

/** The q-quantile of the values, interpolated between neighbours. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
}

/** Holds the last result of a timed call, so the optimiser cannot drop the work that produced it. */
export const sink: { value: unknown } = { value: undefined };
export function keep(value: unknown): void {
  sink.value = value;
}

/** At least one sample, `base` scaled. */
export const scaled = (base: number, scale: number): number => Math.max(1, Math.round(base * scale));
