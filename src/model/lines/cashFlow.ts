import { add, change, div, drv, input, line, max, mul, neg, num, prior, sub, ZERO_EXPR } from '../expr';
import { fromDriver, L, statement } from './line';

const rev = line('revenue');
/** Capex after 12/28E: what brings net fixed assets to the year's intensity, given depreciation on the way. */
const capexToIntensity = neg(
  max(
    num(0),
    div(
      sub(
        sub(mul(rev, line('fixedAssetIntensity')), line('netIntangibles')),
        mul(prior('netPpe'), sub(num(1), line('depreciationRate'))),
      ),
      sub(num(1), div(line('depreciationRate'), num(2))),
    ),
  ),
);

/** Cash flow statement, in the note's order and labels. */
export const CASH_FLOW = statement('Cash Flow', [
  L('cfNetIncome', 'Net income', 'rmbMn', {
    actual: input,
    explicit: sub(line('netIncomePost'), line('minorityInterest')),
  }),
  L('daAddBack', 'D&A add-back', 'rmbMn', { explicit: neg(line('da')) }),
  L('minorityAddBack', 'Minority interest add-back', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L(
    'workingCapital',
    'Net (inc)/dec working capital',
    'rmbMn',
    {
      actual: input,
      explicit: sub(
        add(change('accountsPayable'), change('otherCurrentLiabilities'), change('otherLongTermLiabilities')),
        add(change('accountsReceivable'), change('inventory'), change('otherCurrentAssets')),
      ),
    },
    "As the note: all of the change in other long-term liabilities, the debt-like part included (the DCF's FCFF leaves that part out).",
  ),
  L('otherOperatingCashFlow', 'Other operating cash flow', 'rmbMn', {
    actual: input,
    explicit: mul(neg(line('exceptionals')), line('nonCashExceptionalsShare')),
  }),
  L('cfo', 'Cash flow from operations', 'rmbMn', {
    explicit: add(
      line('cfNetIncome'),
      line('daAddBack'),
      line('minorityAddBack'),
      line('workingCapital'),
      line('otherOperatingCashFlow'),
    ),
  }),
  L('capex', 'Capital expenditures', 'rmbMn', {
    actual: input,
    explicit: neg(mul(rev, drv('capexRatio'))),
    longRange: capexToIntensity,
  }),
  L('acquisitions', 'Acquisitions', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L('divestitures', 'Divestitures', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L('otherInvesting', 'Others', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L('cfi', 'Cash flow from investing', 'rmbMn', {
    explicit: add(line('capex'), line('acquisitions'), line('divestitures'), line('otherInvesting')),
  }),
  L('leaseRepayment', 'Repayment of lease liabilities', 'rmbMn', { actual: input, explicit: ZERO_EXPR }),
  L('dividendsPaid', 'Dividends paid (common & pref)', 'rmbMn', {
    actual: input,
    explicit: neg(line('dividends')),
  }),
  L('debtChange', 'Inc/(dec) in debt', 'rmbMn', {
    actual: input,
    explicit: add(line('shortTermDebtIssuance'), line('longTermDebtIssuance'), line('revolverDraw')),
  }),
  L('otherFinancingCashFlow', 'Other financing cash flows', 'rmbMn', {
    actual: input,
    ...fromDriver('otherFinancing', 'otherFinancingCashFlow'),
  }),
  L('cff', 'Cash flow from financing', 'rmbMn', {
    explicit: add(
      line('leaseRepayment'),
      line('dividendsPaid'),
      line('debtChange'),
      line('otherFinancingCashFlow'),
    ),
  }),
  L('totalCashFlow', 'Total cash flow', 'rmbMn', { explicit: add(line('cfo'), line('cfi'), line('cff')) }),
  L('fcf', 'Free cash flow', 'rmbMn', { explicit: add(line('cfo'), line('capex')) }),
]);
