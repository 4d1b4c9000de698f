/// <reference types="office-js" />
/**
 * The task pane's entry point. The page also hosts the KC.* custom functions (shared runtime), so nothing here may
 * block or throw at load.
 *
 * Which workbook the pane drives:
 *  - a host injected before this bundle runs, `window.__KC_TEST_HOST__ = host`, or later with
 *    `window.dispatchEvent(new CustomEvent('kc:host', { detail: { host } }))` (tests: the in-memory stand-in);
 *  - otherwise Excel, once Office.onReady reports Excel: `{ run: (batch) => Excel.run(batch) }`;
 *  - otherwise none: a notice says so and the summary shows the engine's figures for the pane's assumptions.
 *
 * Colours: the system's light or dark scheme (prefers-color-scheme) at once and whenever it changes; once Office is
 * ready, the Office theme instead where Office gives one (Office.context.officeTheme). Excel raises no event when
 * the Office theme changes (OfficeThemeChanged is Outlook's), so a new Office theme shows when the pane reopens.
 */
import { createExcelPort, officeHost, type ExcelHost } from './excelPort';
import { TaskPane } from './pane';
import { applyTheme, chooseTheme } from './theme';

declare global {
  interface Window {
    __KC_TEST_HOST__?: ExcelHost;
    /** The running pane, for debugging in the browser console and for tests. */
    __KC_PANE__?: TaskPane;
  }
}

const NOT_IN_EXCEL =
  'Not running in Excel: the summary shows the model engine’s figures. Open the add-in in Excel to insert the model.';

/** Describes where the pane runs, from Office.onReady's info. */
export function describeHost(info: {
  host: Office.HostType | string | null;
  platform?: Office.PlatformType | string | null;
}): string {
  if (info.host === null) return NOT_IN_EXCEL;
  return `Ready in ${info.host} (${info.platform ?? 'unknown platform'}): Insert model writes the live model into this workbook.`;
}

function isHost(value: unknown): value is ExcelHost {
  return (
    !!value &&
    typeof (value as ExcelHost).run === 'function' &&
    typeof (value as ExcelHost).runIn === 'function'
  );
}

const officeReady = () => typeof Office !== 'undefined' && typeof Office.onReady === 'function';

/** Office's theme where Office gives one; outside Office there is no Office.context (or no theme on it). */
function officeThemeNow(): unknown {
  try {
    return typeof Office !== 'undefined' ? Office.context?.officeTheme : undefined;
  } catch {
    return undefined;
  }
}

/** Applies the theme now and keeps it current (see the file's comment). Never throws: colours must not stop the pane. */
function followTheme(): void {
  try {
    const media =
      typeof window.matchMedia === 'function' ? window.matchMedia('(prefers-color-scheme: dark)') : null;
    let office: unknown;
    const apply = () => applyTheme(document.documentElement, chooseTheme(office, media?.matches ?? false));
    apply();
    media?.addEventListener?.('change', apply);
    if (officeReady())
      Office.onReady()
        .then(() => {
          office = officeThemeNow();
          apply();
        })
        .catch(() => undefined);
  } catch (error) {
    console.warn('[kc] theme', error);
  }
}

function start(): void {
  followTheme();
  let pane: TaskPane;
  try {
    pane = new TaskPane(document);
  } catch (error) {
    const notice = document.getElementById('kc-notice');
    if (notice)
      notice.textContent = `The pane could not start: ${error instanceof Error ? error.message : String(error)}`;
    return;
  }
  window.__KC_PANE__ = pane;

  const attach = (host: ExcelHost, notice: string) => void pane.attach(createExcelPort(host), notice);

  window.addEventListener('kc:host', (event) => {
    const host = (event as CustomEvent<{ host?: unknown }>).detail?.host;
    if (isHost(host)) attach(host, 'Connected to an injected workbook host.');
  });

  if (isHost(window.__KC_TEST_HOST__)) {
    attach(window.__KC_TEST_HOST__, 'Connected to an injected workbook host.');
    return;
  }

  if (!officeReady()) {
    pane.setNotice('warning', `Office.js did not load. ${NOT_IN_EXCEL}`);
    return;
  }
  pane.setNotice('info', 'Waiting for Office…');
  Office.onReady()
    .then((info) => {
      if (pane.attached) return; // a host injected meanwhile wins
      if (String(info?.host) === 'Excel' && typeof Excel !== 'undefined') {
        attach(officeHost(), describeHost(info));
      } else if (String(info?.host) === 'Excel') {
        pane.setNotice('warning', `Excel reported no Excel JavaScript API (ExcelApi). ${NOT_IN_EXCEL}`);
      } else {
        pane.setNotice(
          'warning',
          info?.host ? `Running in ${info.host}, not Excel. ${NOT_IN_EXCEL}` : NOT_IN_EXCEL,
        );
      }
    })
    .catch((error: unknown) => {
      pane.setNotice(
        'warning',
        `Office did not start (${error instanceof Error ? error.message : String(error)}). ${NOT_IN_EXCEL}`,
      );
    });
}

if (typeof document !== 'undefined') {
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
}
