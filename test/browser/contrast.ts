/**
 * WCAG 2.x contrast of the rendered pane, from the test's side: injects contrastProbe.ts (bundled with esbuild) into
 * the page, reads every pair, and asserts each meets its AA minimum.
 */
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { ContrastReading } from './contrastProbe';
import { ROOT } from './harness';

export type { ContrastReading } from './contrastProbe';

/**
 * Text measured: every kind of text in the pane, the charts' included. Buttons with aria-disabled="true" are inactive
 * (exempt, 1.4.3).
 */
export const TEXT_SELECTORS = [
  'h1',
  'h2',
  '.kc-subtitle',
  '#kc-notice',
  '#kc-summary-source',
  '.kc-kpi-label',
  '.kc-kpi-value',
  '.kc-table th',
  '.kc-table td',
  '.kc-hint',
  '.kc-label',
  '.kc-group legend',
  '.kc-modified',
  '.kc-input',
  '.kc-select',
  '.kc-button:not([aria-disabled="true"])',
  '.kc-field-error',
  '#kc-error',
  '#kc-progress-text',
  'h3',
  '.kc-chart-svg text',
  '.kc-chart-message',
];

/** Graphics that carry meaning, measured against the surface behind them (3:1, WCAG 1.4.11): the charts' bars. */
export const GRAPHIC_SELECTORS = ['.kc-chart-svg .kc-bar'];

let probe: Promise<string> | undefined;

/** contrastProbe.ts as a browser script that sets window.__KC_CONTRAST__. */
function probeBundle(): Promise<string> {
  probe ??= build({
    stdin: {
      contents: `import { measureContrast } from './test/browser/contrastProbe';
window.__KC_CONTRAST__ = measureContrast;`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  }).then((r) => r.outputFiles[0].text);
  return probe;
}

type ProbeWindow = Window & {
  __KC_CONTRAST__?: (selectors: readonly string[], graphics: readonly string[]) => ContrastReading[];
};

/** Reads every pair on the page as it is now. */
export async function readContrast(page: Page): Promise<ContrastReading[]> {
  if (!(await page.evaluate(() => typeof (window as ProbeWindow).__KC_CONTRAST__ === 'function')))
    await page.addScriptTag({ content: await probeBundle() });
  return page.evaluate(
    ([selectors, graphics]) => (window as ProbeWindow).__KC_CONTRAST__!(selectors, graphics),
    [TEXT_SELECTORS, GRAPHIC_SELECTORS] as const,
  );
}

/** Throws with every pair under its minimum. */
export function assertContrast(readings: readonly ContrastReading[], where: string): void {
  const failing = readings.filter((r) => r.ratio < r.min);
  if (failing.length)
    throw new Error(
      `${where}: under WCAG AA: ${failing.map((r) => `${r.what} ${r.fg} on ${r.bg} = ${r.ratio.toFixed(2)} < ${r.min}`).join('; ')}`,
    );
}
