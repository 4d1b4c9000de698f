/**
 * Driving the pane's page in the browser test: open it (Office.js stubbed, the Excel stand-in injected or not, a
 * colour scheme, an Office theme), wait for it, type into fields, read it, compare its summary with the engine's,
 * and take screenshots. Every page records its page errors and console errors. `usePage` is called once by the
 * runner (taskpane.browser.ts) with the browser context, the server's URL and the stand-in bundle.
 */
import { copyFileSync, mkdirSync } from 'fs';
import { join } from 'path';
import type { BrowserContext, Page } from 'playwright-core';
import { engineSummary, formatPct, formatRmbMn, formatUsd } from '../../src/taskpane/summary';
import { buildPlan, colLetter } from '../../src/workbook/plan';
import { ARTIFACTS, assert, assertEqual, DOCS_IMAGES, officeStub, type OfficeThemeStub } from './harness';

/** What the page exposes: the stand-in (for sheet edits and checks). */
export interface StandInView {
  valueAt(sheet: string, a1: string): string | number | boolean;
  formulaAt(sheet: string, a1: string): string | number | boolean;
  setValue(sheet: string, a1: string, value: string | number | boolean): void;
  addSheet(name: string, cells?: Record<string, string | number | boolean>): void;
  addName(name: string, formula: string): void;
  names(): { name: string; formula: string; visible: boolean }[];
  snapshot(): string;
  sheetNames(): string[];
  calculationMode: string;
  calculateNow(): void;
  reopen(): void;
  host: unknown;
}
export type StandInWindow = Window & { __KC_STAND_IN__: StandInView };

/** Cells from the plan (never fixed addresses): the base WACC input, 12/27E revenue. */
export const PLAN = buildPlan({});
export const at = (c: { row: number; col: number }) => `${colLetter(c.col)}${c.row}`;
export const WACC_BASE = {
  sheet: PLAN.anchors.scalarInput.wacc.base.sheet,
  a1: at(PLAN.anchors.scalarInput.wacc.base),
};
export const REVENUE_2027 = {
  sheet: PLAN.anchors.lines.revenue[3].sheet,
  a1: at(PLAN.anchors.lines.revenue[3]),
};

let context: BrowserContext;
let baseUrl: string;
let standIn = '';

/** Hands the runner's browser context, server URL and stand-in bundle to the helpers. */
export function usePage(options: { context: BrowserContext; baseUrl: string; standIn: string }): void {
  ({ context, baseUrl, standIn } = options);
}

/** The stand-in's bundle, for a test that hands the host over later. */
export const standInScript = () => standIn;

/** Runs a function of the page's stand-in. */
export function standInDo<T>(page: Page, f: string, ...args: unknown[]): Promise<T> {
  return page.evaluate(
    ([fn, a]) => {
      const s = (window as unknown as StandInWindow).__KC_STAND_IN__ as unknown as Record<
        string,
        (...x: unknown[]) => T
      >;
      return s[fn as string](...(a as unknown[]));
    },
    [f, args] as const,
  );
}

export interface OpenOptions {
  /** What Office.onReady reports. */
  host: 'Excel' | null;
  /** Inject the stand-in as the pane's workbook. */
  inject: boolean;
  width?: number;
  /** The system's colour scheme (prefers-color-scheme). Default light. */
  colorScheme?: 'light' | 'dark';
  /** Office.context.officeTheme in the stub. */
  theme?: OfficeThemeStub;
  /** The stub defines CustomFunctions (the shared runtime in Excel). Default: only when host is Excel. */
  customFunctions?: boolean;
  /** The hosted Office.js cannot be loaded at all (offline): the request fails. */
  officeUnreachable?: boolean;
}

type TrackedPage = Page & { kcErrors?: string[]; kcConsoleErrors?: string[] };

/** Opens the pane. */
export async function openPane(options: OpenOptions): Promise<Page> {
  const page: TrackedPage = await context.newPage();
  await page.setViewportSize({ width: options.width ?? 320, height: 900 });
  await page.emulateMedia({ colorScheme: options.colorScheme ?? 'light' });
  page.kcErrors = [];
  page.kcConsoleErrors = [];
  page.on('pageerror', (error) => page.kcErrors!.push(error.message));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    page.kcConsoleErrors!.push(`${message.text()} (${message.location().url})`);
    if (process.env.KC_VERBOSE === '1') console.log(`    [page] ${message.text()}`);
  });
  await page.route('https://appsforoffice.microsoft.com/**', (route) =>
    options.officeUnreachable
      ? route.abort('internetdisconnected')
      : route.fulfill({
          status: 200,
          contentType: 'text/javascript',
          body: officeStub(options.host, {
            customFunctions: options.customFunctions ?? options.host === 'Excel',
            theme: options.theme,
          }),
        }),
  );
  if (options.inject) await page.addInitScript({ content: standIn });
  await page.goto(`${baseUrl}taskpane.html`);
  await idle(page);
  return page;
}

/** Uncaught exceptions on the page. */
export const pageErrors = (page: Page) => (page as TrackedPage).kcErrors ?? [];
/** console.error messages on the page (the browser's own, such as a failed request, included). */
export const consoleErrors = (page: Page) => (page as TrackedPage).kcConsoleErrors ?? [];

/** Waits until the pane has no workbook operation queued or running. */
export async function idle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector<HTMLElement>('.kc-pane')?.dataset.kcIdle === 'true',
    null,
    { timeout: 60_000 },
  );
}

export const text = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? '').trim();

/** Whether an element is shown (present, not hidden). */
export const shown = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.querySelector<HTMLElement>(sel);
    return !!el && !el.closest('[hidden]') && el.getClientRects().length > 0;
  }, selector);

/** Types into a field and commits it with Enter, as a keyboard user would. */
export async function edit(page: Page, key: string, value: string): Promise<void> {
  const input = page.locator(`input[data-key="${key}"]`);
  await input.fill(value);
  await input.press('Enter');
}

export async function waitForText(page: Page, selector: string, expected: string): Promise<void> {
  try {
    await page.waitForFunction(
      ([sel, want]) => (document.querySelector(sel)?.textContent ?? '').trim() === want,
      [selector, expected] as const,
      { timeout: 30_000 },
    );
  } catch {
    throw new Error(`${selector}: expected "${expected}", got "${await text(page, selector)}"`);
  }
}

/** The sheet and address a workbook name points to, e.g. wacc -> ["Assumptions", "D9"]. */
export async function namedCell(page: Page, name: string): Promise<[string, string]> {
  const names = await page.evaluate(() => (window as unknown as StandInWindow).__KC_STAND_IN__.names());
  const found = names.find((n) => n.name.toLowerCase() === name.toLowerCase());
  assert(found, `workbook name "${name}" not found`);
  const match = /^=?'?(.+?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(found.formula);
  assert(match, `name ${name} refers to ${found.formula}, not one cell`);
  return [match[1].replace(/''/g, "'"), `${match[2]}${match[3]}`];
}

export const cellValue = (page: Page, sheet: string, a1: string) =>
  page.evaluate(([s, a]) => (window as unknown as StandInWindow).__KC_STAND_IN__.valueAt(s, a), [
    sheet,
    a1,
  ] as const);

/**
 * Saves a screenshot of the whole pane (or of one element of it) to test-artifacts/ (and, with docs and
 * KC_DOCS_IMAGES=1, docs/images/).
 */
export async function screenshot(page: Page, name: string, docs = false, selector?: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, name);
  // The whole pane in one viewport, so the sticky action bar sits at the bottom as in a tall task pane.
  const viewport = page.viewportSize() ?? { width: 320, height: 900 };
  await page.mouse.move(0, 0); // no hover effect from the last click in the picture
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.setViewportSize({ width: viewport.width, height: Math.max(height, viewport.height) });
  if (selector) await page.locator(selector).screenshot({ path: file });
  else await page.screenshot({ path: file });
  await page.setViewportSize(viewport);
  if (docs && process.env.KC_DOCS_IMAGES === '1') {
    mkdirSync(DOCS_IMAGES, { recursive: true });
    copyFileSync(file, join(DOCS_IMAGES, name));
  }
}

/** Waits for the summary card to show the engine's figures for a scenario and overrides. */
export async function expectSummary(
  page: Page,
  overrides: Record<string, string>,
  scenario = 'base',
): Promise<void> {
  const want = engineSummary(scenario, overrides);
  await waitForText(page, '#kc-target-price', formatUsd(want.targetPrice));
  assertEqual(await text(page, '#kc-upside'), formatPct(want.upside), 'upside');
  assertEqual(await text(page, '#kc-ev'), formatRmbMn(want.enterpriseValue), 'EV');
  const revenue = await page.$$eval('#kc-row-revenue td', (tds) => tds.map((td) => td.textContent?.trim()));
  assertEqual(
    revenue.join(' | '),
    ['2026E', '2027E', '2028E'].map((p) => formatRmbMn(want.revenue[p as '2026E'])).join(' | '),
    'revenue',
  );
  const ebitda = await page.$$eval('#kc-row-ebitda td', (tds) => tds.map((td) => td.textContent?.trim()));
  assertEqual(
    ebitda.join(' | '),
    ['2026E', '2027E', '2028E'].map((p) => formatRmbMn(want.ebitda[p as '2026E'])).join(' | '),
    'EBITDA',
  );
}
