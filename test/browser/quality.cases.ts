/**
 * The pane's share of issue 11, in the real page: it follows the Office theme and the system's colour scheme with
 * WCAG AA contrast everywhere; its messages use labels, percentages and multiples, never ids or fractions; a status
 * clears on the user's next action; one precision per kind of field; one primary button (Insert, then Update); and
 * the page loads cleanly outside Office (no page error, no console error). Registered by taskpane.browser.ts.
 */
import type { Page } from 'playwright-core';
import { Decimal } from '../../src/model';
import { fieldValue, KEY_FIELDS } from '../../src/taskpane/fields';
import { notInUserWords } from '../support/userWords';
import { assertContrast, readContrast, type ContrastReading } from './contrast';
import { assert, assertEqual, test, type OfficeThemeStub } from './harness';
import {
  consoleErrors,
  edit,
  expectSummary,
  idle,
  openPane,
  pageErrors,
  screenshot,
  shown,
  standInDo,
  text,
  WACC_BASE,
  type OpenOptions,
} from './page';

// ---- theme and contrast ------------------------------------------------------------------------------------

/**
 * Office theme colours. White, Colorful and Dark Gray are the values Office reports, as quoted in
 * OfficeDev/office-ui-fabric-core#732 (body e6e6e6/444444 and control fdfdfd/444444 for Colorful; 6a6a6a/f0f0f0 and
 * d4d4d4/262626 for Dark Gray; ffffff/444444 and fdfdfd/444444 for White). Black is not quoted there: its values
 * are assumed (a near-black body with white text, as Office's Black theme looks).
 */
const OFFICE: Record<string, OfficeThemeStub> = {
  White: {
    bodyBackgroundColor: '#FFFFFF',
    bodyForegroundColor: '#444444',
    controlBackgroundColor: '#FDFDFD',
    controlForegroundColor: '#444444',
    isDarkTheme: false,
  },
  Colorful: {
    bodyBackgroundColor: '#E6E6E6',
    bodyForegroundColor: '#444444',
    controlBackgroundColor: '#FDFDFD',
    controlForegroundColor: '#444444',
    isDarkTheme: false,
  },
  'Dark Gray': {
    bodyBackgroundColor: '#6A6A6A',
    bodyForegroundColor: '#F0F0F0',
    controlBackgroundColor: '#D4D4D4',
    controlForegroundColor: '#262626',
    isDarkTheme: true,
  },
  Black: {
    bodyBackgroundColor: '#262626',
    bodyForegroundColor: '#FFFFFF',
    controlBackgroundColor: '#363636',
    controlForegroundColor: '#FFFFFF',
    isDarkTheme: true,
  },
};

interface ThemeCase {
  name: string;
  open: Pick<OpenOptions, 'colorScheme' | 'theme'>;
  mode: 'light' | 'dark';
  /** The page's background, as the theme says. */
  page: string;
  /** The inputs' background (Office's control colour). */
  control?: string;
  docs?: string;
}

const THEMES: ThemeCase[] = [
  {
    name: 'light (system, outside Office)',
    open: { colorScheme: 'light' },
    mode: 'light',
    page: '#fafafa',
    docs: 'taskpane-light-320.png',
  },
  {
    name: 'dark (system, outside Office)',
    open: { colorScheme: 'dark' },
    mode: 'dark',
    page: '#1f1f1f',
    docs: 'taskpane-dark-320.png',
  },
  // The Office theme wins over the system's scheme: White on a system set to dark.
  {
    name: 'Office White',
    open: { colorScheme: 'dark', theme: OFFICE.White },
    mode: 'light',
    page: '#ffffff',
  },
  { name: 'Office Colorful', open: { theme: OFFICE.Colorful }, mode: 'light', page: '#e6e6e6' },
  { name: 'Office Dark Gray', open: { theme: OFFICE['Dark Gray'] }, mode: 'dark', page: '#6a6a6a' },
  { name: 'Office Black', open: { theme: OFFICE.Black }, mode: 'dark', page: '#262626' },
];

const rgbHex = (css: string) => {
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(css);
  return m
    ? `#${m
        .slice(1, 4)
        .map((v) => Number(v).toString(16).padStart(2, '0'))
        .join('')}`
    : css;
};

const computed = (page: Page, selector: string, property: string) =>
  page.$eval(selector, (el, p) => getComputedStyle(el).getPropertyValue(p), property);

/** Every state worth measuring: before and after Insert, a field error, a sheet error, the F9 warning, focus. */
async function contrastThroughTheStates(page: Page, where: string): Promise<ContrastReading[]> {
  const all: ContrastReading[] = [];
  const take = async (state: string) => {
    const readings = await readContrast(page);
    assertContrast(readings, `${where}, ${state}`);
    all.push(...readings);
  };
  await take('before Insert');
  await page.click('#kc-insert');
  await idle(page);
  await take('after Insert');
  await page.fill('input[data-key="wacc"]', 'abc');
  assert(await shown(page, '#kc-field-wacc-error'), 'a field error is shown');
  await take('a field error');
  await page.press('input[data-key="wacc"]', 'Escape');
  await edit(page, 'terminalGrowth', '2.5%');
  await idle(page);
  assert(await shown(page, 'label[for="kc-field-terminalGrowth"] .kc-modified'), 'the changed mark is shown');
  await standInDo(page, 'setValue', WACC_BASE.sheet, WACC_BASE.a1, 0.02);
  await page.waitForFunction(() => !document.getElementById('kc-error')?.hidden, null, { timeout: 30_000 });
  await take('an error from the sheet');
  await page.evaluate(
    () =>
      ((
        window as unknown as { __KC_STAND_IN__: { calculationMode: string } }
      ).__KC_STAND_IN__.calculationMode = 'Manual'),
  );
  await standInDo(page, 'setValue', WACC_BASE.sheet, WACC_BASE.a1, 0.105);
  await page.waitForFunction(() => document.getElementById('kc-notice')?.dataset.kind === 'warning', null, {
    timeout: 30_000,
  });
  await idle(page);
  await take('the F9 warning');
  await page.focus('#kc-scenario');
  await page.keyboard.press('Tab');
  await take('keyboard focus on a field');
  return all;
}

for (const theme of THEMES)
  test(`theme ${theme.name}: follows it, and text and controls meet WCAG AA contrast`, async () => {
    const page = await openPane({ host: 'Excel', inject: true, ...theme.open });
    assertEqual(await page.getAttribute('html', 'data-theme'), theme.mode, 'mode');
    assertEqual(rgbHex(await computed(page, 'body', 'background-color')), theme.page, 'page background');
    if (theme.open.theme) {
      assertEqual(
        rgbHex(await computed(page, 'body', 'color')),
        theme.open.theme.bodyForegroundColor.toLowerCase(),
        "Office's body text colour",
      );
      assertEqual(
        rgbHex(await computed(page, 'input[data-key="wacc"]', 'background-color')),
        theme.open.theme.controlBackgroundColor.toLowerCase(),
        "Office's control colour on the inputs",
      );
    }
    assertEqual(await computed(page, 'html', 'color-scheme'), theme.mode, 'color-scheme for native controls');
    await page.click('#kc-insert');
    await idle(page);
    const file = theme.docs ?? `taskpane-${theme.name.toLowerCase().replace(/\s+/g, '-')}-320.png`;
    await screenshot(page, file, !!theme.docs);
    await page.close();
    await checkedInFreshPage(theme);
  });

/** Measures contrast through every state in a fresh pane (the screenshot above stays free of test edits). */
async function checkedInFreshPage(theme: ThemeCase): Promise<void> {
  const page = await openPane({ host: 'Excel', inject: true, ...theme.open });
  const readings = await contrastThroughTheStates(page, theme.name);
  const text = readings.filter((r) => r.min === 4.5);
  const ui = readings.filter((r) => r.min === 3);
  const lowest = (rs: ContrastReading[]) => rs.reduce((a, b) => (b.ratio < a.ratio ? b : a));
  const t = lowest(text);
  const u = lowest(ui);
  console.log(
    `    contrast, ${theme.name}: ${text.length} text pairs ≥ ${t.ratio.toFixed(2)}:1 (lowest: ${t.what}), ` +
      `${ui.length} boundary/bar/focus pairs ≥ ${u.ratio.toFixed(2)}:1 (lowest: ${u.what})`,
  );
  assertEqual(pageErrors(page).length, 0, `page errors: ${pageErrors(page).join('; ')}`);
  await page.close();
}

test('theme: the pane follows a change of the system colour scheme outside Office', async () => {
  const page = await openPane({ host: null, inject: false, colorScheme: 'light' });
  assertEqual(await page.getAttribute('html', 'data-theme'), 'light', 'light at first');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark', null, {
    timeout: 10_000,
  });
  assertEqual(rgbHex(await computed(page, 'body', 'background-color')), '#1f1f1f', 'dark page');
  assertContrast(await readContrast(page), 'after switching to dark');
  await page.close();
});

// ---- messages ----------------------------------------------------------------------------------------------

function assertUserWords(message: string, what: string): void {
  const problem = notInUserWords(message);
  assert(!problem, `${what} shows ${problem}: ${message}`);
}

test('messages: labels, percentages and multiples, never ids or fractions', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await page.click('#kc-insert');
  await idle(page);
  const cases: [key: string, typed: string, expected: string][] = [
    ['wacc', '', 'WACC needs a value; allowed: 1.0% to 50.0%.'],
    [
      'wacc',
      '=A1*2',
      'WACC takes a number such as 10.3%, not a formula: the pane writes numbers, never formulas.',
    ],
    ['wacc', '10.3', 'WACC: 1030.0% is outside the allowed range 1.0% to 50.0%.'],
    [
      'wacc',
      '2%',
      'WACC (2.0%) must be above terminal growth (3.0%); the Gordon growth terminal value is undefined otherwise.',
    ],
    [
      'cashCogsRatio.2026E',
      'abc',
      'Cash COGS / revenue 12/26E: "abc" is not a number; allowed: 0.0% to 200.0%.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '',
      'Net fixed assets / revenue, long run needs a value; allowed: 0x to 10x.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '12',
      'Net fixed assets / revenue, long run: 12x is outside the allowed range 0x to 10x.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '65%',
      'Net fixed assets / revenue, long run is a multiple such as 0.65x, not a percentage.',
    ],
    [
      'fixedAssetIntensityTerminal',
      '=B2',
      'Net fixed assets / revenue, long run takes a number such as 0.65x, not a formula: the pane writes numbers, never formulas.',
    ],
    [
      'terminalGrowth',
      '13,03%',
      'Terminal growth: "13,03%" is not a number: use a point for decimals (13.03%); a comma may only separate thousands, as in 1,234.5.',
    ],
  ];
  for (const [key, typed, expected] of cases) {
    await edit(page, key, typed);
    const shownText = await text(page, `#kc-field-${key.replace('.', '-')}-error`);
    assertEqual(shownText, expected, `message for "${typed}" in ${key}`);
    assertUserWords(shownText, `the message for "${typed}" in ${key}`);
    await page.press(`input[data-key="${key}"]`, 'Escape');
  }
  // A value on the sheet the model rejects: the pane says where it is, in the same words.
  await standInDo(page, 'setValue', WACC_BASE.sheet, WACC_BASE.a1, 0.02);
  await page.waitForFunction(() => !document.getElementById('kc-error')?.hidden, null, { timeout: 30_000 });
  const sheetError = await text(page, '#kc-error');
  assertEqual(
    sheetError,
    'On the Assumptions sheet: WACC (2.0%) must be above terminal growth (3.0%); the Gordon growth terminal value is undefined otherwise. The pane shows the last values the model accepted.',
    'sheet error',
  );
  assertUserWords(sheetError, 'the sheet error');
  // Every notice and status line the run showed is in the user's words as well.
  for (const selector of ['#kc-notice', '#kc-progress-text'])
    if (await shown(page, selector)) assertUserWords(await text(page, selector), selector);
  assertEqual(pageErrors(page).length, 0, `page errors: ${pageErrors(page).join('; ')}`);
  await page.close();
});

// ---- status ------------------------------------------------------------------------------------------------

test('status: "Assumptions reset" clears on the next edit (outside Excel)', async () => {
  const page = await openPane({ host: null, inject: false });
  const notice = await text(page, '#kc-notice');
  await page.click('#kc-reset');
  assert(await shown(page, '#kc-progress-text'), 'the reset status is shown');
  assertEqual(
    await text(page, '#kc-progress-text'),
    'Assumptions reset to the base scenario.',
    'reset status',
  );
  await edit(page, 'wacc', '11%');
  await expectSummary(page, { wacc: '0.11' });
  assert(
    !(await shown(page, '#kc-progress-text')),
    `the reset status stayed: ${await text(page, '#kc-progress-text')}`,
  );
  assertEqual(await text(page, '#kc-notice'), notice, 'the standing notice');
  await page.close();
});

test('status: after Reset in Excel, an edit in the pane or on the sheet clears what Reset reported', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await page.click('#kc-insert');
  await idle(page);
  const live = await text(page, '#kc-notice');
  for (const next of ['pane', 'sheet'] as const) {
    await page.click('#kc-reset');
    await idle(page);
    assertEqual(
      await text(page, '#kc-progress-text'),
      'Assumptions reset to the base scenario.',
      'reset status',
    );
    assert(
      (await text(page, '#kc-notice')).includes("scenario's again"),
      `notice: ${await text(page, '#kc-notice')}`,
    );
    if (next === 'pane') {
      await edit(page, 'wacc', '11%');
      await idle(page);
      await expectSummary(page, { wacc: '0.11' });
    } else {
      await standInDo(page, 'setValue', WACC_BASE.sheet, WACC_BASE.a1, 0.115);
      await expectSummary(page, { wacc: '0.115' });
      await idle(page);
    }
    assert(
      !(await shown(page, '#kc-progress-text')),
      `after an edit in the ${next}, the reset status stayed`,
    );
    assertEqual(await text(page, '#kc-notice'), live, `after an edit in the ${next}, the notice`);
  }
  // The pane's own writes echo back as sheet changes: they must not clear the status of the action that made them.
  await page.click('#kc-update');
  await idle(page);
  await page.waitForTimeout(300);
  await idle(page);
  assertEqual(
    await text(page, '#kc-progress-text'),
    'Model updated.',
    'the status of Update stays until the next action',
  );
  await page.close();
});

// ---- precision ---------------------------------------------------------------------------------------------

/** What a field must show, formatted here (not by the pane): 2 decimals and "%" or "x". */
const expectedText = (unit: string, value: Decimal) =>
  unit === 'pct'
    ? `${value.times(100).toFixed(2)}%`
    : unit === 'multiple'
      ? `${value.toFixed(2)}x`
      : value.toString();

test('precision: every percentage field with 2 decimals, the capital-intensity multiple as "0.65x"', async () => {
  const page = await openPane({ host: null, inject: false });
  const units = new Set<string>();
  for (const field of KEY_FIELDS) {
    const shownValue = await page.inputValue(`input[data-key="${field.key}"]`);
    units.add(field.driver.unit);
    assertEqual(shownValue, expectedText(field.driver.unit, fieldValue(field, 'base', {})), field.label);
    assert(
      field.driver.unit === 'pct' ? /^-?\d+\.\d\d%$/.test(shownValue) : /^\d+\.\d\dx$/.test(shownValue),
      `${field.label}: ${shownValue}`,
    );
  }
  assert(units.has('pct') && units.has('multiple'), `units among the fields: ${[...units].join(', ')}`);
  assertEqual(await page.inputValue('input[data-key="terminalGrowth"]'), '3.00%', 'terminal growth');
  assertEqual(
    await page.inputValue('input[data-key="fixedAssetIntensityTerminal"]'),
    '0.65x',
    'long-run intensity',
  );
  // A multiple is typed with or without its "x", and shown in its unit.
  await edit(page, 'fixedAssetIntensityTerminal', '0.7x');
  assertEqual(
    await page.getAttribute('input[data-key="fixedAssetIntensityTerminal"]', 'aria-invalid'),
    null,
    'valid',
  );
  assertEqual(
    await page.inputValue('input[data-key="fixedAssetIntensityTerminal"]'),
    '0.70x',
    'shown as a multiple',
  );
  await expectSummary(page, { fixedAssetIntensityTerminal: '0.7' });
  await edit(page, 'fixedAssetIntensityTerminal', '0.8');
  assertEqual(
    await page.inputValue('input[data-key="fixedAssetIntensityTerminal"]'),
    '0.80x',
    'typed without x',
  );
  await expectSummary(page, { fixedAssetIntensityTerminal: '0.8' });
  await edit(page, 'cashCogsRatio.2027E', '51%');
  assertEqual(await page.inputValue('input[data-key="cashCogsRatio.2027E"]'), '51.00%', 'cash COGS');
  await expectSummary(page, { fixedAssetIntensityTerminal: '0.8', 'cashCogsRatio.2027E': '0.51' });
  await page.close();
});

// ---- button emphasis ---------------------------------------------------------------------------------------

const primary = (page: Page, id: string) =>
  page.$eval(`#${id}`, (el) => el.classList.contains('kc-button-primary'));

test('buttons: Insert model is the primary action until the model is in the workbook, then Update model', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  assert(await primary(page, 'kc-insert'), 'Insert primary before insertion');
  assert(!(await primary(page, 'kc-update')), 'Update not primary before insertion');
  await page.click('#kc-insert');
  await idle(page);
  assert(!(await primary(page, 'kc-insert')), 'Insert secondary once the model is in the workbook');
  assert(await primary(page, 'kc-update'), 'Update primary once the model is in the workbook');
  const [insertBg, updateBg] = await Promise.all(
    ['#kc-insert', '#kc-update'].map((s) => computed(page, s, 'background-color')),
  );
  assert(insertBg !== updateBg, 'the two look different');
  // A pane opened on a workbook that already holds the model starts with Update as the primary action.
  await standInDo(page, 'reopen');
  await page.evaluate(() =>
    window.dispatchEvent(
      new CustomEvent('kc:host', {
        detail: { host: (window as unknown as { __KC_STAND_IN__: { host: unknown } }).__KC_STAND_IN__.host },
      }),
    ),
  );
  await idle(page);
  assert(await primary(page, 'kc-update'), 'Update primary after reopening');
  assert(!(await primary(page, 'kc-insert')), 'Insert secondary after reopening');
  await page.close();
});

// ---- clean load outside Office -----------------------------------------------------------------------------

test('outside Office: the page loads cleanly in a plain browser (no CustomFunctions runtime)', async () => {
  const page = await openPane({ host: null, inject: false, customFunctions: false });
  await expectSummary(page, {});
  assert((await text(page, '#kc-notice')).includes('Not running in Excel'), await text(page, '#kc-notice'));
  assertEqual(pageErrors(page).join('; '), '', 'page errors');
  assertEqual(consoleErrors(page).join('; '), '', 'console errors');
  await page.close();
});

test('outside Office: Office.js unreachable (offline), the page still loads without a script error', async () => {
  const page = await openPane({ host: null, inject: false, officeUnreachable: true });
  await expectSummary(page, {});
  assert((await text(page, '#kc-notice')).includes('Office.js did not load'), await text(page, '#kc-notice'));
  assertEqual(pageErrors(page).join('; '), '', 'page errors');
  // The browser itself reports the failed request; nothing else may be logged.
  const others = consoleErrors(page).filter(
    (e) => !/Failed to load resource.*appsforoffice\.microsoft\.com/.test(e),
  );
  assertEqual(others.join('; '), '', 'console errors besides the failed Office.js request');
  await page.close();
});
