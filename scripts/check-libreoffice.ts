/**
 * `npm run check:libreoffice`: writes the workbook for several scenarios, recalculates each in LibreOffice Calc
 * (a full recalculation on load) and checks that no cell is an error and every formula equals the engine's value;
 * then prints the base case to PDF and checks the page count (under 30, the Summary on one page) and that
 * LibreOffice imported every chart as a native chart. `--pdf FILE` keeps the PDF.
 * Exit code 0 when all agree, 1 otherwise, 2 when LibreOffice is missing (install libreoffice-calc-nogui).
 */
import { writeFileSync } from 'fs';
import { buildPlan, type PlanOptions } from '../src/workbook/plan';
import { findSoffice, recalculateInLibreOffice } from '../test/support/libreoffice';
import { renderWithLibreOffice } from '../test/workbook/render';

type Case = PlanOptions & { poisonCache?: boolean };

const CASES: Case[] = process.env.KC_LO_QUICK
  ? [{ scenario: 'base' }]
  : [
      { scenario: 'base' },
      // Every cached result in the file replaced by the text "stale": passes only if LibreOffice recalculates.
      { scenario: 'base', poisonCache: true },
      { scenario: 'bull' },
      { scenario: 'bear', overrides: { wacc: '11%', 'receivableDays.2027E': 70 } },
      // A mistyped 12/25 cash: the balance check fails, and the master check must be FALSE everywhere.
      { scenario: 'base', overrides: { 'cash.2025A': 7000 } },
    ];

async function main(): Promise<number> {
  const soffice = findSoffice();
  if (!soffice) {
    process.stderr.write(
      'check:libreoffice: soffice not found; apt-get install -y --no-install-recommends libreoffice-calc-nogui\n',
    );
    return 2;
  }
  let failed = false;
  const results: boolean[] = [];
  for (const options of CASES) {
    const started = Date.now();
    const plan = buildPlan({ ...options, date: '2026-05-28' });
    const report = await recalculateInLibreOffice(plan, soffice, { poisonCache: options.poisonCache });
    const label =
      `${options.scenario}${options.overrides ? ` + ${JSON.stringify(options.overrides)}` : ''}` +
      `${options.poisonCache ? ' (stale cached values in the file)' : ''}`;
    const ok = report.errors.length === 0 && report.mismatches.length === 0 && report.compared > 0;
    failed ||= !ok;
    results.push(ok);
    process.stdout.write(
      `${ok ? 'ok  ' : 'FAIL'} ${label}: ${report.compared} formula cells recalculated by LibreOffice, ` +
        `${report.errors.length} errors, ${report.mismatches.length} mismatches, ` +
        `max relative difference ${report.maxRelativeDifference.toExponential(2)} (${Date.now() - started} ms)\n`,
    );
    for (const line of [...report.errors, ...report.mismatches].slice(0, 20))
      process.stdout.write(`     ${line}\n`);
  }
  const printed = await checkPrint(soffice);
  failed ||= !printed;
  results.push(printed);
  const passed = results.filter(Boolean).length;
  process.stdout.write(`libreoffice: ${passed} passed, ${results.length - passed} failed\n`);
  return failed ? 1 : 0;
}

/** The base case printed to PDF: pages per sheet, fonts, and the charts LibreOffice imported. */
async function checkPrint(soffice: string): Promise<boolean> {
  const started = Date.now();
  const plan = buildPlan({ date: '2026-05-28' });
  const rendered = await renderWithLibreOffice(plan, soffice);
  const pdfAt = process.argv.indexOf('--pdf');
  if (pdfAt > 0 && process.argv[pdfAt + 1]) writeFileSync(process.argv[pdfAt + 1], rendered.pdf);
  const summaryPages = rendered.sheetPages.find(([s]) => s === 'Summary')?.[1];
  const titles = new Set(rendered.charts.map((c) => c.title));
  const charts = plan.charts.filter((c) => titles.has(c.title)).length;
  const ok =
    rendered.pages < 30 &&
    summaryPages === 1 &&
    charts === plan.charts.length &&
    rendered.charts.length === charts;
  process.stdout.write(
    `${ok ? 'ok  ' : 'FAIL'} print: ${rendered.pages} landscape pages (` +
      rendered.sheetPages.map(([s, n]) => `${s} ${n}`).join(', ') +
      `), ${charts} of ${plan.charts.length} charts rendered as native charts, fonts ${rendered.fonts.join(', ')} ` +
      `(${Date.now() - started} ms)\n`,
  );
  return ok;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(`check:libreoffice: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
