import { add, div, drv, input, line, mul, neg, prior, sub } from '../expr';
import { L, statement } from './line';

const rev = line('revenue');
const DAYS = drv('daysInYear');

/** Balance sheet, in the note's order and labels, with the model's own lines beside the ones they explain. */
export const BALANCE_SHEET = statement('Balance Sheet', [
  L('cash', 'Cash & cash equivalents', 'rmbMn', {
    actual: input,
    explicit: add(line('cashBeforeRevolver'), line('revolverDraw')),
  }),
  L('accountsReceivable', 'Accounts receivable', 'rmbMn', {
    opening: input,
    actual: input,
    explicit: div(mul(rev, line('receivableDays')), DAYS),
  }),
  L('inventory', 'Inventory', 'rmbMn', { opening: input, actual: input, explicit: prior('inventory') }),
  L('otherCurrentAssets', 'Other current assets', 'rmbMn', {
    actual: input,
    explicit: mul(rev, line('otherCurrentAssetsRatio')),
  }),
  L('totalCurrentAssets', 'Total current assets', 'rmbMn', {
    explicit: add(line('cash'), line('accountsReceivable'), line('inventory'), line('otherCurrentAssets')),
  }),
  L('netPpe', 'Net PP&E', 'rmbMn', {
    actual: input,
    explicit: sub(sub(prior('netPpe'), line('capex')), line('depreciation')),
  }),
  L('netIntangibles', 'Net intangibles', 'rmbMn', {
    actual: input,
    explicit: sub(prior('netIntangibles'), line('intangiblesAmortization')),
  }),
  L('totalInvestments', 'Total investments', 'rmbMn', {
    actual: input,
    explicit: sub(prior('totalInvestments'), add(line('acquisitions'), line('divestitures'))),
  }),
  L('otherLongTermAssets', 'Other long-term assets', 'rmbMn', {
    actual: input,
    explicit: sub(prior('otherLongTermAssets'), line('otherInvesting')),
  }),
  L('totalAssets', 'Total assets', 'rmbMn', {
    explicit: add(
      line('totalCurrentAssets'),
      line('netPpe'),
      line('netIntangibles'),
      line('totalInvestments'),
      line('otherLongTermAssets'),
    ),
  }),
  L(
    'accountsPayable',
    'Accounts payable',
    'rmbMn',
    {
      opening: input,
      actual: input,
      explicit: div(mul(neg(line('cashCogs')), line('payableDaysOnCashCogs')), DAYS),
    },
    'Payable days on cash COGS: suppliers are paid for cash costs, not for depreciation.',
  ),
  L('shortTermDebt', 'Short-term debt', 'rmbMn', {
    actual: input,
    explicit: add(prior('shortTermDebt'), line('shortTermDebtIssuance')),
  }),
  L(
    'revolver',
    'Revolving credit facility',
    'rmbMn',
    { actual: input, explicit: add(prior('revolver'), line('revolverDraw')) },
    'Drawn only when cash would fall below the minimum balance (none in the note’s years).',
  ),
  L('shortTermLeases', 'Short-term lease liabilities', 'rmbMn', {
    actual: input,
    explicit: prior('shortTermLeases'),
  }),
  L('otherCurrentLiabilities', 'Other current liabilities', 'rmbMn', {
    actual: input,
    explicit: mul(rev, line('otherCurrentLiabilitiesRatio')),
  }),
  L('totalCurrentLiabilities', 'Total current liabilities', 'rmbMn', {
    explicit: add(
      line('accountsPayable'),
      line('shortTermDebt'),
      line('revolver'),
      line('shortTermLeases'),
      line('otherCurrentLiabilities'),
    ),
  }),
  L('longTermDebt', 'Long-term debt', 'rmbMn', {
    actual: input,
    explicit: add(prior('longTermDebt'), line('longTermDebtIssuance')),
  }),
  L('longTermLeases', 'Long-term lease liabilities', 'rmbMn', {
    actual: input,
    explicit: add(prior('longTermLeases'), line('leaseRepayment')),
  }),
  L('otherLongTermLiabilities', 'Other long-term liabilities', 'rmbMn', {
    actual: input,
    explicit: mul(rev, line('otherLongTermLiabilitiesRatio')),
  }),
  L(
    'debtLikeLiabilities',
    'of which debt-like',
    'rmbMn',
    { explicit: mul(line('otherLongTermLiabilities'), line('debtLikeShare')) },
    'Adjusted net debt exceeds debt less cash by this amount; treated as debt: its growth is financing, not FCFF.',
  ),
  L(
    'operatingLongTermLiabilities',
    'of which operating',
    'rmbMn',
    { explicit: sub(line('otherLongTermLiabilities'), line('debtLikeLiabilities')) },
    'The rest of other long-term liabilities: part of operating working capital in the DCF.',
  ),
  L('totalLongTermLiabilities', 'Total long-term liabilities', 'rmbMn', {
    explicit: add(line('longTermDebt'), line('longTermLeases'), line('otherLongTermLiabilities')),
  }),
  L('totalLiabilities', 'Total liabilities', 'rmbMn', {
    explicit: add(line('totalCurrentLiabilities'), line('totalLongTermLiabilities')),
  }),
  L('preferredShares', 'Preferred shares', 'rmbMn', { actual: input, explicit: prior('preferredShares') }),
  L('commonEquity', 'Total common equity', 'rmbMn', {
    opening: input,
    actual: input,
    explicit: add(
      prior('commonEquity'),
      line('netIncomePost'),
      line('otherOperatingCashFlow'),
      line('dividendsPaid'),
      line('otherFinancingCashFlow'),
    ),
  }),
  L('minorityInterestBs', 'Minority interest (balance sheet)', 'rmbMn', {
    actual: input,
    explicit: sub(prior('minorityInterestBs'), line('minorityInterest')),
  }),
  L('totalLiabilitiesAndEquity', 'Total liabilities & equity', 'rmbMn', {
    explicit: add(
      line('totalLiabilities'),
      line('preferredShares'),
      line('commonEquity'),
      line('minorityInterestBs'),
    ),
  }),
  L('totalDebt', 'Gross debt (short- and long-term, revolver)', 'rmbMn', {
    explicit: add(line('shortTermDebt'), line('longTermDebt'), line('revolver')),
  }),
  L('netDebtAdjusted', 'Net debt, adjusted', 'rmbMn', {
    explicit: sub(add(line('totalDebt'), line('debtLikeLiabilities')), line('cash')),
  }),
  L(
    'operatingWorkingCapital',
    'Operating working capital (incl. operating long-term liabilities)',
    'rmbMn',
    {
      explicit: sub(
        add(line('accountsReceivable'), line('inventory'), line('otherCurrentAssets')),
        add(line('accountsPayable'), line('otherCurrentLiabilities'), line('operatingLongTermLiabilities')),
      ),
    },
    'Receivables + inventory + other current assets - payables - other current liabilities - operating long-term liabilities: the working capital the DCF invests in.',
  ),
]);
