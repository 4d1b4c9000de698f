import { abs, add, at, change, drv, line, max, num, prior, ratio, sub, type Expr } from '../expr';
import { LAST_PERIOD, PERIOD_IDS } from '../periods';
import { L, statement } from './line';

/** How far from zero a check may be and still pass, in its own unit (Rmb mn, or a fraction for growth). */
export const CHECK_TOLERANCE = '1e-6';

const LAST = LAST_PERIOD.id;
const BEFORE_LAST = PERIOD_IDS[PERIOD_IDS.length - 2];
/** Growth of a line in 12/35E over 12/34E, on its signed opening value. */
const terminalYearGrowth = (id: string): Expr =>
  ratio(sub(at(id, LAST), at(id, BEFORE_LAST)), at(id, BEFORE_LAST));

/**
 * Integrity checks: each is a difference between two routes to the same figure, so it is zero when the model
 * holds together and non-zero when a line (or, in the workbook, a cell typed over a formula) breaks it.
 */
export const CHECKS = statement('Checks', [
  L('checkBalance', 'Assets less liabilities, equity and minorities', 'rmbMn', {
    explicit: sub(line('totalAssets'), line('totalLiabilitiesAndEquity')),
  }),
  L('checkCash', 'Balance-sheet cash less opening cash and the cash-flow statement', 'rmbMn', {
    actual: null,
    explicit: sub(line('cash'), add(prior('cash'), line('cfo'), line('cfi'), line('cff'))),
  }),
  L(
    'checkFixedAssets',
    'Fixed-asset schedule less opening, cash-flow capex and income-statement D&A',
    'rmbMn',
    {
      actual: null,
      explicit: sub(
        line('netFixedAssets'),
        add(prior('netFixedAssets'), line('da'), sub(num(0), line('capex'))),
      ),
    },
  ),
  L(
    'checkEquity',
    'Equity less opening and the cash flow’s net income, exceptionals, dividends, financing',
    'rmbMn',
    {
      actual: null,
      explicit: sub(
        line('commonEquity'),
        add(
          prior('commonEquity'),
          line('cfNetIncome'),
          line('minorityInterest'),
          line('otherOperatingCashFlow'),
          line('dividendsPaid'),
          line('otherFinancingCashFlow'),
        ),
      ),
    },
  ),
  L('checkDebt', 'Change in balance-sheet debt less the cash-flow debt line', 'rmbMn', {
    actual: null,
    explicit: sub(change('totalDebt'), line('debtChange')),
  }),
  L(
    'checkWorkingCapital',
    'Cash-flow working capital less the change in the ratios’ working capital',
    'rmbMn',
    {
      actual: null,
      explicit: sub(
        add(line('workingCapital'), change('operatingCapital')),
        change('otherLongTermLiabilities'),
      ),
    },
  ),
  L('checkSegments', 'Segments less total revenue', 'rmbMn', {
    explicit: add(
      sub(add(line('aiRevenue'), line('nonAiRevenue')), line('revenue')),
      sub(add(line('ecosystemRevenue'), line('otherCustomersRevenue')), line('revenue')),
    ),
  }),
  L('checkLiquidity', 'Cash shortfall below the minimum balance', 'rmbMn', {
    actual: null,
    explicit: max(num(0), sub(drv('minimumCash'), line('cash'))),
  }),
  L(
    'checkSteadyState',
    '12/35E growth of revenue, net fixed assets and operating working capital less terminal growth',
    'pct',
    {
      scalar: add(
        ...['revenue', 'netFixedAssets', 'operatingWorkingCapital'].map((id) =>
          abs(sub(terminalYearGrowth(id), drv('terminalGrowth'))),
        ),
      ),
    },
    'The terminal value assumes 12/35E is a steady state: everything grows at the terminal rate.',
  ),
]);
