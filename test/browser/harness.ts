/**
 * The browser test's plumbing: a static server on 127.0.0.1 (random port) for dist/, Debian's Chromium driven by
 * playwright-core (never a browser download; a fresh profile per run), an Office.js stub routed in place of the
 * hosted https://appsforoffice.microsoft.com/ script (which cannot load offline), the Excel stand-in bundled for the
 * browser with esbuild, and a tiny test runner that prints "browser: N passed, M failed".
 */
import { build } from 'esbuild';
import { createReadStream, existsSync, mkdtempSync, rmSync, statSync } from 'fs';
import { createServer, type Server } from 'http';
import type { AddressInfo } from 'net';
import { tmpdir } from 'os';
import { extname, join, normalize, resolve, sep } from 'path';
import { chromium, type BrowserContext } from 'playwright-core';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const DOCS_IMAGES = join(ROOT, 'docs', 'images');

export const CHROMIUM = process.env.KC_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.xml': 'application/xml',
  '.map': 'application/json',
};

/** Serves a directory on 127.0.0.1 at a random port. */
export async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const file = normalize(join(dir, path === '/' ? 'taskpane.html' : path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': 'no-store',
    });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(() => ok())) };
}

/** The four colours and the dark flag of Office.context.officeTheme. */
export interface OfficeThemeStub {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme?: boolean;
}

/**
 * The Office.js stub: Office.onReady resolves with { host } (or host null); with a theme, Office.context.officeTheme;
 * with customFunctions, the shared runtime's CustomFunctions (no-op associate). Office.js outside Office defines no
 * CustomFunctions (the custom-functions runtime comes with Excel), so a plain-browser stub has none.
 */
export function officeStub(
  host: 'Excel' | null,
  options: { customFunctions?: boolean; theme?: OfficeThemeStub } = {},
): string {
  return `(() => {
  const info = { host: ${JSON.stringify(host)}, platform: ${host ? '"OfficeOnline"' : 'null'} };
  window.Office = {
    HostType: { Excel: 'Excel' },
    PlatformType: { OfficeOnline: 'OfficeOnline' },
    onReady(callback) { const p = Promise.resolve(info); if (callback) p.then(callback); return p; },
  };
  ${options.theme ? `window.Office.context = { officeTheme: ${JSON.stringify(options.theme)} };` : ''}
  ${
    options.customFunctions
      ? `class CfError { constructor(code, message) { this.code = code; this.message = message; } }
  window.CustomFunctions = {
    associate() {},
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A', invalidNumber: '#NUM!' },
  };`
      : ''
  }
})();`;
}

/** test/support/excelStandIn.ts bundled for the page: sets window.__KC_TEST_HOST__ and window.__KC_STAND_IN__. */
export async function standInBundle(): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { createExcelStandIn } from './test/support/excelStandIn';
const standIn = createExcelStandIn();
standIn.addSheet('Sheet1'); // a new workbook, as Excel opens one
window.__KC_STAND_IN__ = standIn;
window.__KC_TEST_HOST__ = standIn.host;`,
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0].text;
}

/** Chromium with a fresh profile; every request off 127.0.0.1 is refused except the Office.js URL, which is stubbed. */
export async function launch(): Promise<{ context: BrowserContext; close: () => Promise<void> }> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium)`);
  const profile = mkdtempSync(join(tmpdir(), 'kc-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 320, height: 900 },
    deviceScaleFactor: 2,
    timeout: 60_000,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

// ---- a tiny runner -------------------------------------------------------------------------------------------

type Case = { name: string; fn: () => Promise<void> };
const cases: Case[] = [];

export function test(name: string, fn: () => Promise<void>): void {
  cases.push({ name, fn });
}

/**
 * Runs the cases in order (only those whose name contains KC_BROWSER_ONLY, when set), prints one line each and the
 * summary line; resolves to the number failed.
 */
export async function runCases(): Promise<number> {
  let passed = 0;
  let failed = 0;
  const only = process.env.KC_BROWSER_ONLY;
  for (const c of cases.filter((k) => !only || k.name.includes(only))) {
    const started = Date.now();
    try {
      await c.fn();
      passed++;
      console.log(`  ✓ ${c.name} (${Date.now() - started} ms)`);
    } catch (error) {
      failed++;
      console.log(
        `  ✗ ${c.name}\n    ${(error instanceof Error ? (error.stack ?? error.message) : String(error)).replace(/\n/g, '\n    ')}`,
      );
    }
  }
  console.log(`browser: ${passed} passed, ${failed} failed`);
  return failed;
}

export function assert(condition: unknown, message: string): asserts condition {
  if (!condition) throw new Error(message);
}

export function assertEqual<T>(actual: T, expected: T, what: string): void {
  if (actual !== expected)
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
