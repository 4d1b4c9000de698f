/** One measured case: a name, how often it ran, and the median and 90th-percentile time of one run. */
export interface Row {
  /** What was timed, e.g. "full build (new assumption set)". */
  name: string;
  /** Timed samples taken (after warm-up). */
  samples: number;
  /** Operations per sample: a sample's time is divided by this to give the time of one operation. */
  batch: number;
  medianMs: number;
  p90Ms: number;
  /** A target for the median, in ms: the runner prints a verdict line for each row that has one. */
  targetMs?: number;
  /** A short note printed under the table. */
  note?: string;
}

/** How hard a suite should work: `scale` multiplies its sample counts (0.1 for --quick). */
export interface SuiteContext {
  scale: number;
}

/** A group of related cases. Register new suites in bench/suites/index.ts. */
export interface Suite {
  name: string;
  run(context: SuiteContext): Promise<Row[]> | Row[];
}
