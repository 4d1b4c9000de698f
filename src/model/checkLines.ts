import { add, change, line, neg, prior, sub, type Expr } from './expr';
import type { LineDef } from './lines';

const C = (id: string, label: string, explicit: Expr, withActual: boolean): LineDef => ({
  id,
  label,
  section: 'Checks',
  unit: 'rmbMn',
  explicit,
  ...(withActual ? {} : { actual: null }),
});

/** Integrity checks: each line is a difference that must be zero (Rmb mn). */
export const CHECK_LINES: readonly LineDef[] = [
  C(
    'checkBalance',
    'Assets less liabilities, equity and minorities',
    sub(line('totalAssets'), line('totalLiabilitiesAndEquity')),
    true,
  ),
  C(
    'checkCash',
    'Closing cash less opening cash and total cash flow',
    sub(line('cash'), add(prior('cash'), line('totalCashFlow'))),
    false,
  ),
  C(
    'checkFixedAssets',
    'Fixed assets less opening, capex and D&A',
    sub(
      add(line('netPpe'), line('netIntangibles')),
      add(prior('netPpe'), prior('netIntangibles'), neg(line('capex')), line('da')),
    ),
    false,
  ),
  C(
    'checkEquity',
    'Equity less opening, net income, non-cash exceptionals, dividends and other financing',
    sub(
      line('commonEquity'),
      add(
        prior('commonEquity'),
        line('netIncomePost'),
        line('otherOperatingCashFlow'),
        line('dividendsPaid'),
        line('otherFinancingCashFlow'),
      ),
    ),
    false,
  ),
  C(
    'checkWorkingCapital',
    'Cash-flow working capital less balance-sheet movements',
    sub(
      line('workingCapital'),
      sub(
        add(change('accountsPayable'), change('otherCurrentLiabilities'), change('otherLongTermLiabilities')),
        add(change('accountsReceivable'), change('inventory'), change('otherCurrentAssets')),
      ),
    ),
    false,
  ),
  C(
    'checkSegments',
    'Segments less total revenue',
    add(
      sub(add(line('aiRevenue'), line('nonAiRevenue')), line('revenue')),
      sub(add(line('ecosystemRevenue'), line('otherCustomersRevenue')), line('revenue')),
    ),
    true,
  ),
];
