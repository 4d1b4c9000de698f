/**
 * `npx tsx scripts/acceptance-figures.ts`: the figures a person accepting a release in real Excel should see at each
 * step of docs/excel-acceptance.md, computed now from the engine (buildModel), the workbook plan (cell addresses)
 * and the KC.* functions' own adapters. Run it after any model change and keep its output beside the checklist.
 */
import { buildModel, type Overrides } from '../src/model';
import { createKcFunctions } from '../src/functions/kc';
import { formatPct, formatRmbMn, formatUsd } from '../src/taskpane/summary';
import { buildPlan, colLetter, SHEET_NAMES } from '../src/workbook/plan';

const plan = buildPlan({});
const at = (c: { row: number; col: number }) => `${colLetter(c.col)}${c.row}`;

function summary(label: string, scenario = 'base', overrides: Overrides = {}): void {
  const model = buildModel({ scenario, overrides });
  const dcf = model.dcf();
  const years = ['2026E', '2027E', '2028E'];
  const row = (line: string) => years.map((y) => formatRmbMn(model.value(line, y)!.toNumber())).join(' | ');
  console.log(`\n${label}`);
  console.log(
    `  target price ${formatUsd(dcf.targetPrice.toNumber())}, upside ${formatPct(dcf.upside.toNumber())}, EV ${formatRmbMn(dcf.enterpriseValue.toNumber())} (Rmb mn)`,
  );
  console.log(`  revenue 12/26E | 12/27E | 12/28E: ${row('revenue')}`);
  console.log(`  EBITDA  12/26E | 12/27E | 12/28E: ${row('ebitdaAdjusted')}`);
  console.log(`  checks: ${model.checks().every((c) => c.ok) ? 'all pass' : 'FAIL'}`);
}

console.log('Cells (from the workbook plan):');
console.log(
  `  scenario selector: ${SHEET_NAMES.assumptions}!${at(plan.anchors.selector)} (1 base, 2 bull, 3 bear)`,
);
for (const scenario of ['base', 'bull', 'bear'])
  console.log(
    `  WACC input, ${scenario} case: ${SHEET_NAMES.assumptions}!${at(plan.anchors.scalarInput.wacc[scenario])}`,
  );
console.log(
  `  revenue growth 12/27E input, base case: ${SHEET_NAMES.assumptions}!${at(plan.anchors.seriesInput.revenueGrowth.base['2027E'])}`,
);
const revenue2027 = plan.anchors.lines.revenue[3];
console.log(`  revenue 12/27E: '${revenue2027.sheet}'!${at(revenue2027)}`);
console.log(`  master check: ${plan.anchors.masterCheck.sheet}!${at(plan.anchors.masterCheck)}`);

summary('Step 2-3, Insert (base case):');
summary('Step 4, WACC input of the base case set to 11%:', 'base', { wacc: '0.11' });
summary('Step 4, and revenue growth 12/27E 20% in the pane:', 'base', {
  wacc: '0.11',
  'revenueGrowth.2027E': '0.2',
});
summary(
  "Step 5, scenario bull with the pane's WACC 11% and revenue growth 12/27E 20% (they apply to every scenario):",
  'bull',
  { wacc: '0.11', 'revenueGrowth.2027E': '0.2' },
);
summary('Step 6, Reset assumptions on bull:', 'bull');
summary('For reference, the bear case:', 'bear');
summary('Step 8, Manual mode: WACC input of the base case 9.5%, after F9:', 'base', { wacc: '0.095' });

const kc = createKcFunctions((kind, message) => ({ error: kind, message }));
const show = (f: () => unknown[][]) => {
  try {
    const v = f();
    return v.length === 1 && v[0].length === 1
      ? String(v[0][0])
      : `${v.length} x ${v[0].length} spill, first ${String(v[0][0])}`;
  } catch (e) {
    const err = e as { error?: string; message?: string };
    const code = { value: '#VALUE!', notAvailable: '#N/A', num: '#NUM!' }[err.error ?? ''] ?? String(e);
    return `${code} ${err.message ?? ''}`.trim();
  }
};
console.log("\nStep 7, KC.* functions (typed in a cell; the engine through the functions' own code):");
const cases: [string, () => unknown[][]][] = [
  ['=KC.REVENUE(2027)', () => kc.revenue([[2027]])],
  ['=KC.REVENUE(2027, "AI-related")', () => kc.revenue([[2027]], 'AI-related')],
  ['=KC.EBITDA("FY28")', () => kc.ebitda([['FY28']])],
  ['=KC.EBITDA(2028, "margin")', () => kc.ebitda([[2028]], 'margin')],
  ['=KC.DCF()', () => kc.dcf()],
  ['=KC.DCF(, , "target price")', () => kc.dcf(undefined, undefined, 'target price')],
  ['=KC.DCF(0.11, "2.5%", "EV")', () => kc.dcf([[0.11]], [['2.5%']], 'EV')],
  [
    '=KC.DCF({0.093,0.103,0.113}, {0.02;0.03;0.04})',
    () => kc.dcf([[0.093, 0.103, 0.113]], [[0.02], [0.03], [0.04]]),
  ],
  [
    '=KC.LINE("Net inc. (pre-exceptionals)", "2026E")',
    () => kc.line('Net inc. (pre-exceptionals)', [['2026E']]),
  ],
  ['=KC.STATEMENT("Income Statement")', () => kc.statement('Income Statement')],
  ['=KC.REVENUE(2027, "nope")', () => kc.revenue([[2027]], 'nope')],
  ['=KC.REVENUE(2040)', () => kc.revenue([[2040]])],
  ['=KC.DCF(0.02, 0.03)', () => kc.dcf([[0.02]], [[0.03]])],
  ['=KC.LINE("revenue", 2027, "sideways")', () => kc.line('revenue', [[2027]], 'sideways')],
];
for (const [formula, f] of cases) console.log(`  ${formula.padEnd(52)} ${show(f)}`);
