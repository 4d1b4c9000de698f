import {
  abs,
  add,
  average,
  div,
  drv,
  input,
  line,
  mul,
  neg,
  NM,
  num,
  prior,
  ratio,
  sub,
  when,
  type Expr,
} from '../expr';
import { fromDriver, L, statement } from './line';

const rev = line('revenue');
const growth = (id: string): Expr => ratio(sub(line(id), prior(id)), abs(prior(id)));
const PRICE_RMB = mul(drv('price'), drv('fxRate'));

/**
 * Growth, margins, returns and valuation ratios, defined as docs/reconciliation.md documents. Every ratio whose
 * denominator can be zero is NM there, never an error.
 */
export const RATIOS = statement('Ratios', [
  L('revenueGrowthReported', 'Total revenue growth', 'pct', { explicit: growth('revenue') }),
  L('ebitdaGrowth', 'EBITDA growth', 'pct', { explicit: growth('ebitdaAdjusted') }),
  L('epsGrowth', 'EPS growth', 'pct', { explicit: growth('epsBasicPre') }),
  L('dpsGrowth', 'DPS growth', 'pct', { explicit: growth('dps') }),
  L('ebitMargin', 'EBIT margin', 'pct', { explicit: ratio(line('ebit'), rev) }),
  L('ebitdaMargin', 'EBITDA margin', 'pct', { explicit: ratio(line('ebitdaAdjusted'), rev) }),
  L('netIncomeMargin', 'Net income margin', 'pct', { explicit: ratio(line('netIncomePre'), rev) }),
  L(
    'marketCap',
    'Market value at the current price (Rmb mn)',
    'rmbMn',
    { actual: mul(PRICE_RMB, drv('adsOutstanding')), explicit: mul(PRICE_RMB, line('ads')) },
    'Price x Rmb/US$ x ADS of the year; the 12/25 column uses the ADS outstanding at the price date.',
  ),
  L('enterpriseValue', 'Enterprise value at the current price (Rmb mn)', 'rmbMn', {
    explicit: add(line('marketCap'), line('netDebtAdjusted')),
  }),
  L('pe', 'P/E (X)', 'multiple', {
    explicit: when('>', line('epsBasicPre'), num(0), div(PRICE_RMB, line('epsBasicPre')), NM),
  }),
  L('pb', 'P/B (X)', 'multiple', { explicit: ratio(line('marketCap'), line('commonEquity')) }),
  L('dividendYield', 'Dividend yield (%)', 'pct', { explicit: ratio(line('dps'), PRICE_RMB) }),
  L('fcfYield', 'FCF yield (%)', 'pct', { explicit: ratio(line('fcf'), line('marketCap')) }),
  L('evEbitdar', 'EV/EBITDAR (X)', 'multiple', { explicit: ratio(line('enterpriseValue'), line('ebitda')) }),
  L('evEbitda', 'EV/EBITDA (excl. leases) (X)', 'multiple', {
    explicit: ratio(line('enterpriseValue'), line('ebitda')),
  }),
  L('grossCashInvested', 'Gross cash invested (ex cash) (Rmb)', 'rmbMn', {
    opening: input,
    actual: input,
    explicit: add(
      prior('grossCashInvested'),
      neg(line('capex')),
      sub(line('operatingCapital'), prior('operatingCapital')),
      sub(line('totalInvestments'), prior('totalInvestments')),
      sub(line('otherLongTermAssets'), prior('otherLongTermAssets')),
    ),
  }),
  L(
    'operatingCapital',
    'Operating working capital, as the note (Rmb mn)',
    'rmbMn',
    {
      explicit: sub(
        add(line('accountsReceivable'), line('inventory'), line('otherCurrentAssets')),
        add(line('accountsPayable'), line('otherCurrentLiabilities')),
      ),
    },
    'Receivables + inventory + other current assets - payables - other current liabilities: the part of gross cash invested that moves with trading.',
  ),
  L('croci', 'CROCI (%)', 'pct', {
    explicit: ratio(
      sub(add(line('cfNetIncome'), line('daAddBack'), line('otherOperatingCashFlow')), line('netInterest')),
      average('grossCashInvested'),
    ),
  }),
  L('roe', 'ROE (%)', 'pct', { explicit: ratio(line('netIncomePre'), average('commonEquity')) }),
  L('netDebtToEquity', 'Net debt/equity (%)', 'pct', {
    explicit: ratio(
      add(line('netDebtAdjusted'), line('shortTermLeases'), line('longTermLeases')),
      add(line('commonEquity'), line('minorityInterestBs')),
    ),
  }),
  L('netDebtToEquityExLeases', 'Net debt/equity (excl. leases) (%)', 'pct', {
    explicit: ratio(line('netDebtAdjusted'), add(line('commonEquity'), line('minorityInterestBs'))),
  }),
  L(
    'interestCover',
    'Interest cover (X)',
    'multiple',
    { explicit: ratio(line('ebit'), line('interestExpense')) },
    'EBIT / gross interest expense, with the interest income of the Debt and Interest schedule.',
  ),
  L('inventoryDays', 'Days inventory outst, sales', 'days', {
    explicit: ratio(mul(average('inventory'), drv('daysInYear')), rev),
  }),
  L('receivableDaysReported', 'Receivable days', 'days', {
    explicit: ratio(mul(average('accountsReceivable'), drv('daysInYear')), rev),
  }),
  L('payableDaysReported', 'Days payable outstanding', 'days', {
    explicit: ratio(mul(average('accountsPayable'), drv('daysInYear')), neg(line('cogs'))),
  }),
  L('turnover', 'Turnover (X)', 'multiple', { explicit: ratio(rev, line('totalAssets')) }),
  L('leverage', 'Leverage (X)', 'multiple', { explicit: ratio(line('totalAssets'), line('commonEquity')) }),
  L('dupontRoe', 'DuPont ROE (%)', 'pct', {
    explicit: mul(line('netIncomeMargin'), line('turnover'), line('leverage')),
  }),
  L('capitalEmployed', 'Capital employed (Rmb mn)', 'rmbMn', {
    opening: input,
    explicit: sub(add(line('commonEquity'), line('minorityInterestBs'), line('totalDebt')), line('cash')),
  }),
  L('averageCapitalEmployed', 'Average capital employed (Rmb)', 'rmbMn', {
    explicit: average('capitalEmployed'),
  }),
  L('bvps', 'BVPS (Rmb)', 'rmbPerAds', { explicit: div(line('commonEquity'), line('ads')) }),
  L('revenueRevision', 'Revenue revision, New vs Old', 'pct', {
    explicit: ratio(sub(rev, line('revenueOld')), line('revenueOld')),
  }),
  L('revenueOld', 'Revenue (Rmb mn) Old', 'rmbMn', { actual: input, ...fromDriver('revenueOld') }),
  L('epsOld', 'EPS (Rmb) Old', 'rmbPerAds', { actual: input, ...fromDriver('epsOld') }),
  L('epsRevision', 'EPS revision, New vs Old', 'pct', {
    explicit: ratio(sub(line('epsBasicPre'), line('epsOld')), abs(line('epsOld'))),
  }),
]);
