/**
 * `npm run test:browser`: the task pane in a real browser. Builds the add-in (webpack production, as shipped; skip
 * with KC_SKIP_BUILD=1), serves dist/ on 127.0.0.1, opens taskpane.html in Debian's headless Chromium with the hosted
 * Office.js replaced by a stub, injects the in-memory Excel stand-in (test/support/excelStandIn.ts) as the pane's
 * host, and drives the pane like a user: insert, edit, update, reset, convert (here), and theme, contrast, messages,
 * status, precision, button emphasis and a clean load outside Office (quality.cases.ts), and the valuation charts
 * (charts.cases.ts). The expected figures come from the engine (buildModel, priceBridge, tornado) in this Node
 * process. Screenshots go to test-artifacts/ (KC_DOCS_IMAGES=1 also copies the README's to docs/images/). Prints
 * "browser: N passed, M failed" and exits 1 on any failure; KC_BROWSER_ONLY=text runs only the cases whose name
 * contains it.
 */
import { execFileSync } from 'child_process';
import { join } from 'path';
import { buildModel } from '../../src/model';
import {
  assert,
  assertEqual,
  DIST,
  launch,
  ROOT,
  runCases,
  serveStatic,
  standInBundle,
  test,
} from './harness';
import {
  at,
  cellValue,
  edit,
  expectSummary,
  idle,
  namedCell,
  openPane,
  pageErrors,
  PLAN,
  REVENUE_2027,
  screenshot,
  standInDo,
  standInScript,
  text,
  usePage,
  WACC_BASE,
  type StandInWindow,
} from './page';
import './charts.cases';
import './quality.cases';

// ---- cases -------------------------------------------------------------------------------------------------

test('outside Excel: a notice, the engine summary, validation, no workbook buttons', async () => {
  const page = await openPane({ host: null, inject: false });
  assert(
    (await text(page, '#kc-notice')).includes('Not running in Excel'),
    `notice: ${await text(page, '#kc-notice')}`,
  );
  assertEqual(await page.getAttribute('#kc-insert', 'aria-disabled'), 'true', 'Insert model disabled');
  await expectSummary(page, {});
  assertEqual(await text(page, '#kc-summary-source'), 'Engine', 'summary source');

  await edit(page, 'wacc', '=A1*2');
  assertEqual(await page.getAttribute('input[data-key="wacc"]', 'aria-invalid'), 'true', 'formula rejected');
  assert((await text(page, '#kc-field-wacc-error')).includes('not a formula'), 'formula message');
  await screenshot(page, 'taskpane-validation-320.png', true);
  await edit(page, 'wacc', '2%');
  assert(
    (await text(page, '#kc-field-wacc-error')).includes('WACC (2.0%) must be above terminal growth (3.0%)'),
    'WACC vs growth',
  );
  await edit(page, 'wacc', '10.3');
  assert(
    (await text(page, '#kc-field-wacc-error')).includes('outside the allowed range 1.0% to 50.0%'),
    'range message',
  );
  await expectSummary(page, {}); // nothing applied

  await edit(page, 'wacc', '0.11');
  assertEqual(await page.getAttribute('input[data-key="wacc"]', 'aria-invalid'), null, 'valid again');
  assertEqual(
    await page.inputValue('input[data-key="wacc"]'),
    '11.00%',
    'shown as a percentage, two decimals',
  );
  await expectSummary(page, { wacc: '0.11' });
  assertEqual(pageErrors(page).length, 0, `page errors: ${pageErrors(page).join('; ')}`);
  await page.close();
});

test('in Excel (stand-in): insert, edit WACC in the pane, the workbook recalculates', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  assertEqual(await page.getAttribute('#kc-insert', 'aria-disabled'), 'false', 'Insert model enabled');
  await screenshot(page, 'taskpane-before-insert-320.png');
  await page.click('#kc-insert');
  await idle(page);
  assertEqual(await text(page, '#kc-error'), '', 'no error');
  assertEqual(await page.getAttribute('#kc-summary', 'data-source'), 'workbook', 'summary from the workbook');
  await expectSummary(page, {});

  const [sheet, a1] = await namedCell(page, 'wacc');
  await edit(page, 'wacc', '11%');
  await idle(page);
  await expectSummary(page, { wacc: '0.11' });
  assertEqual(await page.getAttribute('#kc-summary', 'data-source'), 'workbook', 'still the workbook');
  assertEqual(await cellValue(page, sheet, a1), 0.11, `live WACC (${sheet}!${a1})`);

  // A formula typed in the pane never reaches the workbook.
  const before = await page.evaluate(() => (window as unknown as StandInWindow).__KC_STAND_IN__.snapshot());
  await edit(page, 'terminalGrowth', '=wacc');
  await idle(page);
  assertEqual(
    await page.getAttribute('input[data-key="terminalGrowth"]', 'aria-invalid'),
    'true',
    'formula rejected',
  );
  const after = await page.evaluate(() => (window as unknown as StandInWindow).__KC_STAND_IN__.snapshot());
  assert(before === after, 'the workbook changed after an invalid edit');
  await page.fill('input[data-key="terminalGrowth"]', '3%');
  await page.press('input[data-key="terminalGrowth"]', 'Escape');

  await edit(page, 'revenueGrowth.2027E', '20%');
  await idle(page);
  await expectSummary(page, { wacc: '0.11', 'revenueGrowth.2027E': '0.2' });
  await screenshot(page, 'taskpane.png');
  await screenshot(page, 'taskpane-inserted-320.png');
  assertEqual(pageErrors(page).length, 0, `page errors: ${pageErrors(page).join('; ')}`);
  await page.close();
});

test('in Excel (stand-in): edits on the Assumptions sheet (WACC, scenario selector) reach the pane', async () => {
  const page = await openPane({ host: 'Excel', inject: true, width: 400 });
  await page.click('#kc-insert');
  await idle(page);
  const [sheet, a1] = await namedCell(page, 'wacc');
  // The live WACC is a CHOOSE over the scenarios' inputs: edit the base case's input, as a user would.
  const input = await page.evaluate(
    ([s, a]) => (window as unknown as StandInWindow).__KC_STAND_IN__.formulaAt(s, a),
    [sheet, a1] as const,
  );
  const baseInput = /CHOOSE\([^,]+,\$?([A-Z]+)\$?(\d+)/i.exec(String(input));
  assert(baseInput, `live WACC is not a CHOOSE over inputs: ${String(input)}`);
  await page.evaluate(
    ([s, a]) => (window as unknown as StandInWindow).__KC_STAND_IN__.setValue(s, a, 0.095),
    [sheet, `${baseInput[1]}${baseInput[2]}`] as const,
  );
  await expectSummary(page, { wacc: '0.095' });
  await idle(page);
  assertEqual(await page.inputValue('input[data-key="wacc"]'), '9.50%', 'the pane follows the sheet');
  await screenshot(page, 'taskpane-inserted-400.png', true);

  // The scenario selector on the sheet (3 = bear) switches the pane too.
  const [selSheet, selCell] = await namedCell(page, 'scenario');
  await page.evaluate(([s, a]) => (window as unknown as StandInWindow).__KC_STAND_IN__.setValue(s, a, 3), [
    selSheet,
    selCell,
  ] as const);
  // The bear case is changes to the base case, so it moves with the base WACC edit: 9.5% + 1pp.
  await expectSummary(page, { wacc: '0.105' }, 'bear');
  await idle(page);
  assertEqual(await page.inputValue('#kc-scenario'), 'bear', 'scenario picker follows the selector');
  assertEqual(await page.inputValue('input[data-key="wacc"]'), '10.50%', 'bear WACC');
  await page.close();
});

test('in Excel (stand-in): scenario switch, Update model, Reset assumptions, Convert to values', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await page.click('#kc-insert');
  await idle(page);
  await edit(page, 'wacc', '12%');
  await idle(page);
  await expectSummary(page, { wacc: '0.12' });

  // Choosing a scenario switches the workbook at once; Update model rewrites it from the pane.
  await page.selectOption('#kc-scenario', 'bear');
  await idle(page);
  assertEqual(await text(page, '#kc-error'), '', 'no error after the scenario switch');
  await expectSummary(page, { wacc: '0.12' }, 'bear');
  await page.click('#kc-update');
  await idle(page);
  assertEqual(await text(page, '#kc-error'), '', 'no error after update');
  await expectSummary(page, { wacc: '0.12' }, 'bear');
  assertEqual(await page.inputValue('input[data-key="wacc"]'), '12.00%', 'WACC kept');

  await page.click('#kc-reset');
  await idle(page);
  await expectSummary(page, {}, 'bear');
  assertEqual(await page.inputValue('input[data-key="wacc"]'), '11.30%', 'bear WACC after reset');

  const sheetsBefore = await page.evaluate(() =>
    (window as unknown as StandInWindow).__KC_STAND_IN__.sheetNames(),
  );
  await page.click('#kc-convert');
  await idle(page);
  assertEqual(await text(page, '#kc-error'), '', 'no error after convert');
  const added = (
    await page.evaluate(() => (window as unknown as StandInWindow).__KC_STAND_IN__.sheetNames())
  ).filter((n) => !sheetsBefore.includes(n));
  const incomeCopy = added.find((n) => n.includes('Income Statement'));
  assert(incomeCopy, `no values copy of the income statement among ${added.join(', ')}`);
  for (const a1 of ['D10', 'E20', 'F30']) {
    const formula = await page.evaluate(
      ([s, a]) => (window as unknown as StandInWindow).__KC_STAND_IN__.formulaAt(s, a),
      [incomeCopy, a1] as const,
    );
    assert(
      !String(formula).startsWith('='),
      `a formula in the values copy: ${incomeCopy}!${a1} ${String(formula)}`,
    );
  }
  assert(
    (await text(page, '#kc-progress-text')).startsWith('Values-only copy written'),
    'convert reports the sheets',
  );
  // The live model still recalculates.
  await edit(page, 'wacc', '10%');
  await idle(page);
  await expectSummary(page, { wacc: '0.1' }, 'bear');
  await page.close();
});

test('a host handed over later with the kc:host event', async () => {
  const page = await openPane({ host: null, inject: false, width: 360 });
  assertEqual(await page.getAttribute('#kc-insert', 'aria-disabled'), 'true', 'no host yet');
  await page.addScriptTag({ content: standInScript() });
  await page.evaluate(() =>
    window.dispatchEvent(
      new CustomEvent('kc:host', {
        detail: { host: (window as unknown as { __KC_TEST_HOST__: unknown }).__KC_TEST_HOST__ },
      }),
    ),
  );
  await idle(page);
  assertEqual(await page.getAttribute('#kc-insert', 'aria-disabled'), 'false', 'Insert model enabled');
  await page.click('#kc-insert');
  await idle(page);
  await expectSummary(page, {});
  assertEqual(await page.getAttribute('#kc-summary', 'data-source'), 'workbook', 'summary from the workbook');
  await page.close();
});

test('keyboard: every control is reachable with Tab, buttons are <button>, live regions exist', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  const buttons = await page.$$eval('.kc-actions > *', (els) => els.map((e) => e.tagName));
  assert(
    buttons.length === 4 && buttons.every((t) => t === 'BUTTON'),
    `action elements: ${buttons.join(',')}`,
  );
  const unlabelled = await page.$$eval('input, select', (els) =>
    els.filter((e) => !(e.id && document.querySelector(`label[for="${e.id}"]`))).map((e) => e.outerHTML),
  );
  assertEqual(unlabelled.length, 0, `inputs without a label: ${unlabelled.join(' ')}`);
  assertEqual(await page.getAttribute('#kc-progress', 'aria-live'), 'polite', 'progress is aria-live');
  assertEqual(await page.getAttribute('#kc-error', 'role'), 'alert', 'errors are an alert');
  assertEqual(
    await page.getAttribute('#kc-announce', 'aria-live'),
    'polite',
    'summary changes are announced',
  );
  await page.focus('#kc-scenario');
  const order: string[] = [];
  for (let i = 0; i < 16; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id ?? ''));
  }
  assertEqual(order[0], 'kc-field-wacc', 'Tab from the scenario goes to WACC');
  assert(order.includes('kc-insert'), `Insert model reachable by Tab: ${order.join(', ')}`);
  await page.focus('#kc-insert');
  await page.keyboard.press('Enter');
  await idle(page);
  assertEqual(await page.getAttribute('#kc-summary', 'data-source'), 'workbook', 'Insert by keyboard');
  assert((await text(page, '#kc-announce')).startsWith('Target price US$19.50'), 'announcement');
  await page.close();
});

test('Update keeps a link into the model; the pane follows sheet edits after Update and Reset', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await page.click('#kc-insert');
  await idle(page);
  await standInDo(page, 'addSheet', 'Links', { A1: `='${REVENUE_2027.sheet}'!${REVENUE_2027.a1}` });
  await page.selectOption('#kc-scenario', 'bull');
  await idle(page);
  await page.click('#kc-update');
  await idle(page);
  assertEqual(await text(page, '#kc-error'), '', 'no error after update');
  const linked = (await cellValue(page, 'Links', 'A1')) as number;
  const want = buildModel({ scenario: 'bull' }).value('revenue', '2027E')!.toNumber();
  assert(Math.abs(linked - want) < 1e-6 * want, `the link shows ${linked}, the engine ${want}`);
  // After Update the pane still follows the sheet: an edit of the bull case's change to WACC (the selector is on
  // bull): 10.3% + 1.7pp = 12%.
  await standInDo(page, 'setValue', WACC_BASE.sheet, at(PLAN.anchors.scalarInput.wacc.bull), 0.017);
  await expectSummary(page, { wacc: '0.12' }, 'bull');
  await page.click('#kc-reset');
  await idle(page);
  await expectSummary(page, {}, 'bull');
  await standInDo(page, 'setValue', WACC_BASE.sheet, at(PLAN.anchors.scalarInput.wacc.bull), 0.027);
  await expectSummary(page, { wacc: '0.13' }, 'bull');
  assertEqual(pageErrors(page).length, 0, `page errors: ${pageErrors(page).join('; ')}`);
  await page.close();
});

test('Manual calculation mode: the pane asks for F9 and follows the recalculation', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await page.evaluate(
    () => ((window as unknown as StandInWindow).__KC_STAND_IN__.calculationMode = 'Manual'),
  );
  await page.click('#kc-insert');
  await idle(page);
  assert((await text(page, '#kc-notice')).includes('(F9)'), `notice: ${await text(page, '#kc-notice')}`);
  assertEqual(await page.getAttribute('#kc-notice', 'data-kind'), 'warning', 'a warning');
  await standInDo(page, 'calculateNow');
  await expectSummary(page, {});
  await idle(page);
  assert(!(await text(page, '#kc-notice')).includes('(F9)'), 'the F9 notice goes after the recalculation');
  await standInDo(page, 'setValue', WACC_BASE.sheet, WACC_BASE.a1, 0.11);
  await page.waitForFunction(
    () => document.getElementById('kc-notice')?.textContent?.includes('(F9)'),
    null,
    {
      timeout: 30_000,
    },
  );
  await standInDo(page, 'calculateNow');
  await expectSummary(page, { wacc: '0.11' });
  await screenshot(page, 'taskpane-manual-calculation-320.png');
  await page.close();
});

test('reopening the workbook: the pane takes the model up again and follows its edits', async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await page.click('#kc-insert');
  await idle(page);
  await standInDo(page, 'reopen');
  await page.evaluate(() =>
    window.dispatchEvent(
      new CustomEvent('kc:host', {
        detail: { host: (window as unknown as StandInWindow).__KC_STAND_IN__.host },
      }),
    ),
  );
  await idle(page);
  assert(
    (await text(page, '#kc-notice')).includes('holds the model'),
    `notice: ${await text(page, '#kc-notice')}`,
  );
  await standInDo(page, 'setValue', WACC_BASE.sheet, WACC_BASE.a1, 0.1);
  await expectSummary(page, { wacc: '0.1' });
  await page.close();
});

test("a user's name wacc: the model's names carry KC_ and the pane says so", async () => {
  const page = await openPane({ host: 'Excel', inject: true });
  await standInDo(page, 'setValue', 'Sheet1', 'A1', 0.2);
  await standInDo(page, 'addName', 'wacc', '=Sheet1!$A$1');
  await page.click('#kc-insert');
  await idle(page);
  assertEqual(await text(page, '#kc-error'), '', 'no error');
  assert((await text(page, '#kc-notice')).includes('KC_'), `notice: ${await text(page, '#kc-notice')}`);
  await expectSummary(page, {});
  const names = await page.evaluate(() => (window as unknown as StandInWindow).__KC_STAND_IN__.names());
  assertEqual(names.find((n) => n.name === 'wacc')?.formula, '=Sheet1!$A$1', "the user's wacc");
  await edit(page, 'wacc', '11%');
  await idle(page);
  await expectSummary(page, { wacc: '0.11' });
  await page.close();
});

async function main(): Promise<number> {
  if (process.env.KC_SKIP_BUILD !== '1') {
    console.log('browser: building dist/ (webpack --mode production)…');
    execFileSync(
      process.execPath,
      [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--mode', 'production'],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'inherit'],
      },
    );
  }
  const standIn = await standInBundle();
  const server = await serveStatic(DIST);
  const browser = await launch();
  usePage({ context: browser.context, baseUrl: server.url, standIn });
  try {
    return await runCases();
  } finally {
    await browser.close();
    await server.close();
  }
}

main().then(
  (failed) => process.exit(failed === 0 ? 0 : 1),
  (error: unknown) => {
    console.error(error);
    console.log('browser: 0 passed, 1 failed (setup)');
    process.exit(1);
  },
);
