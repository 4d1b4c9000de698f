import {
  abs,
  add,
  at,
  average,
  div,
  drv,
  input,
  line,
  mul,
  neg,
  NM,
  num,
  pow,
  prior,
  ratio,
  round,
  sub,
  sumOver,
  when,
  type Expr,
} from './expr';
import type { LineDef } from './lines';
import { FORECAST_PERIOD_IDS, LAST_PERIOD } from './periods';

const L = (def: LineDef): LineDef => def;
const R = (
  id: string,
  label: string,
  unit: LineDef['unit'],
  explicit: Expr,
  extra: Partial<LineDef> = {},
): LineDef => L({ id, label, section: 'Ratios', unit, explicit, ...extra });

const rev = line('revenue');
const growth = (id: string): Expr => ratio(sub(line(id), prior(id)), abs(prior(id)));
const PRICE_RMB = mul(drv('price'), drv('fxRate'));
const FIRST_FORECAST = FORECAST_PERIOD_IDS[0];
const LAST = LAST_PERIOD.id;

/** Growth, margins, returns and valuation ratios, defined as documented in docs/reconciliation.md. */
export const RATIO_LINES: readonly LineDef[] = [
  R('revenueGrowthReported', 'Total revenue growth', 'pct', growth('revenue')),
  R('ebitdaGrowth', 'EBITDA growth', 'pct', growth('ebitdaAdjusted')),
  R('epsGrowth', 'EPS growth', 'pct', growth('epsBasicPre')),
  R('dpsGrowth', 'DPS growth', 'pct', growth('dps')),
  R('ebitMargin', 'EBIT margin', 'pct', ratio(line('ebit'), rev)),
  R('ebitdaMargin', 'EBITDA margin', 'pct', ratio(line('ebitdaAdjusted'), rev)),
  R('netIncomeMargin', 'Net income margin', 'pct', ratio(line('netIncomePre'), rev)),
  R('marketCap', 'Market value at the current price (Rmb mn)', 'rmbMn', mul(PRICE_RMB, line('ads')), {
    actual: mul(PRICE_RMB, drv('adsOutstanding')),
    note: 'Price x Rmb/US$ x ADS of the year; the 12/25 column uses the ADS outstanding at the price date.',
  }),
  R(
    'enterpriseValue',
    'Enterprise value at the current price (Rmb mn)',
    'rmbMn',
    add(line('marketCap'), line('netDebtAdjusted')),
  ),
  R(
    'pe',
    'P/E (X)',
    'multiple',
    when('>', line('epsBasicPre'), num(0), div(PRICE_RMB, line('epsBasicPre')), NM),
  ),
  R('pb', 'P/B (X)', 'multiple', ratio(line('marketCap'), line('commonEquity'))),
  R('dividendYield', 'Dividend yield (%)', 'pct', ratio(line('dps'), PRICE_RMB)),
  R('fcfYield', 'FCF yield (%)', 'pct', ratio(line('fcf'), line('marketCap'))),
  R('evEbitdar', 'EV/EBITDAR (X)', 'multiple', ratio(line('enterpriseValue'), line('ebitda'))),
  R('evEbitda', 'EV/EBITDA (excl. leases) (X)', 'multiple', ratio(line('enterpriseValue'), line('ebitda'))),
  R(
    'grossCashInvested',
    'Gross cash invested (ex cash) (Rmb)',
    'rmbMn',
    add(
      prior('grossCashInvested'),
      neg(line('capex')),
      sub(line('operatingCapital'), prior('operatingCapital')),
      sub(line('totalInvestments'), prior('totalInvestments')),
      sub(line('otherLongTermAssets'), prior('otherLongTermAssets')),
    ),
    { opening: input, actual: input },
  ),
  R(
    'operatingCapital',
    'Operating working capital (Rmb mn)',
    'rmbMn',
    sub(
      add(line('accountsReceivable'), line('inventory'), line('otherCurrentAssets')),
      add(line('accountsPayable'), line('otherCurrentLiabilities')),
    ),
    {
      note: 'Receivables + inventory + other current assets - payables - other current liabilities: the part of gross cash invested that moves with trading.',
    },
  ),
  R(
    'croci',
    'CROCI (%)',
    'pct',
    ratio(
      sub(add(line('cfNetIncome'), line('daAddBack'), line('otherOperatingCashFlow')), line('netInterest')),
      average('grossCashInvested'),
    ),
  ),
  R('roe', 'ROE (%)', 'pct', ratio(line('netIncomePre'), average('commonEquity'))),
  R(
    'netDebtToEquity',
    'Net debt/equity (%)',
    'pct',
    ratio(
      add(line('netDebtAdjusted'), line('shortTermLeases'), line('longTermLeases')),
      add(line('commonEquity'), line('minorityInterestBs')),
    ),
  ),
  R(
    'netDebtToEquityExLeases',
    'Net debt/equity (excl. leases) (%)',
    'pct',
    ratio(line('netDebtAdjusted'), add(line('commonEquity'), line('minorityInterestBs'))),
  ),
  R(
    'interestIncome',
    'Interest income (assumed, Rmb mn)',
    'rmbMn',
    mul(line('cash'), drv('interestIncomeYield')),
    {
      note: 'Not published: interest income at a yield on closing cash, so that gross interest expense = interest income - net interest.',
    },
  ),
  R(
    'interestCover',
    'Interest cover (X)',
    'multiple',
    ratio(line('ebit'), sub(line('interestIncome'), line('netInterest'))),
  ),
  R(
    'inventoryDays',
    'Days inventory outst, sales',
    'days',
    ratio(mul(average('inventory'), drv('daysInYear')), rev),
  ),
  R(
    'receivableDaysReported',
    'Receivable days',
    'days',
    ratio(mul(average('accountsReceivable'), drv('daysInYear')), rev),
  ),
  R(
    'payableDaysReported',
    'Days payable outstanding',
    'days',
    ratio(mul(average('accountsPayable'), drv('daysInYear')), neg(line('cogs'))),
  ),
  R('turnover', 'Turnover (X)', 'multiple', ratio(rev, line('totalAssets'))),
  R('leverage', 'Leverage (X)', 'multiple', ratio(line('totalAssets'), line('commonEquity'))),
  R('dupontRoe', 'DuPont ROE (%)', 'pct', mul(line('netIncomeMargin'), line('turnover'), line('leverage'))),
  R(
    'capitalEmployed',
    'Capital employed (Rmb mn)',
    'rmbMn',
    sub(add(line('commonEquity'), line('minorityInterestBs'), line('totalDebt')), line('cash')),
    { opening: input },
  ),
  R('averageCapitalEmployed', 'Average capital employed (Rmb)', 'rmbMn', average('capitalEmployed')),
  R('bvps', 'BVPS (Rmb)', 'rmbPerAds', div(line('commonEquity'), line('ads'))),
  R(
    'revenueRevision',
    'Revenue revision, New vs Old',
    'pct',
    ratio(sub(rev, line('revenueOld')), line('revenueOld')),
  ),
  R('revenueOld', 'Revenue (Rmb mn) Old', 'rmbMn', drv('revenueOld'), { actual: input, longRange: NM }),
  R('epsOld', 'EPS (Rmb) Old', 'rmbPerAds', drv('epsOld'), { actual: input, longRange: NM }),
  R(
    'epsRevision',
    'EPS revision, New vs Old',
    'pct',
    ratio(sub(line('epsBasicPre'), line('epsOld')), abs(line('epsOld'))),
  ),
];

const D = (
  id: string,
  label: string,
  unit: LineDef['unit'],
  explicit: Expr,
  extra: Partial<LineDef> = {},
): LineDef => L({ id, label, section: 'DCF', unit, actual: null, explicit, ...extra });
const S = (id: string, label: string, unit: LineDef['unit'], scalar: Expr): LineDef =>
  L({ id, label, section: 'DCF', unit, scalar });

/** Free cash flow to the firm, discounting, terminal value and the bridge to a value per ADS. */
export const DCF_LINES: readonly LineDef[] = [
  D(
    'fcff',
    'Free cash flow to the firm',
    'rmbMn',
    // FCF is after interest; add back net interest expense less its tax shield (none while pre-tax profit is a loss).
    sub(
      line('fcf'),
      mul(line('netInterest'), sub(num(1), when('>', line('pretax'), num(0), line('taxRate'), num(0)))),
    ),
  ),
  D('dcfYear', 'Years from the valuation date (31 Dec 2025)', 'years', add(prior('dcfYear'), num(1)), {
    actual: num(0),
  }),
  D('discountPeriod', 'Discount period (years)', 'years', sub(line('dcfYear'), div(drv('midYear'), num(2)))),
  D(
    'discountFactor',
    'Discount factor',
    'factor',
    div(num(1), pow(add(num(1), drv('wacc')), line('discountPeriod'))),
  ),
  D('pvFcff', 'Present value of FCFF', 'rmbMn', mul(line('fcff'), line('discountFactor'))),
  S('sumPvFcff', 'Sum of PV of FCFF, 12/26E-12/35E', 'rmbMn', sumOver('pvFcff', FIRST_FORECAST, LAST)),
  S(
    'terminalValueGordon',
    'Terminal value, Gordon growth',
    'rmbMn',
    div(mul(at('fcff', LAST), add(num(1), drv('terminalGrowth'))), sub(drv('wacc'), drv('terminalGrowth'))),
  ),
  S(
    'terminalValueExit',
    'Terminal value, exit multiple',
    'rmbMn',
    mul(at('ebitdaAdjusted', LAST), drv('exitMultiple')),
  ),
  S(
    'terminalValue',
    'Terminal value at 12/35E',
    'rmbMn',
    when('=', drv('terminalMethod'), num(1), line('terminalValueExit'), line('terminalValueGordon')),
  ),
  S(
    'pvTerminalValue',
    'PV of terminal value',
    'rmbMn',
    div(line('terminalValue'), pow(add(num(1), drv('wacc')), at('dcfYear', LAST))),
  ),
  S('dcfEnterpriseValue', 'Enterprise value (DCF)', 'rmbMn', add(line('sumPvFcff'), line('pvTerminalValue'))),
  S(
    'terminalValueShare',
    'Terminal value share of EV',
    'pct',
    div(line('pvTerminalValue'), line('dcfEnterpriseValue')),
  ),
  S('dcfNetDebt', 'Less: net debt, adjusted (12/25)', 'rmbMn', at('netDebtAdjusted', '2025A')),
  S('dcfMinorities', 'Less: minority interest (12/25)', 'rmbMn', at('minorityInterestBs', '2025A')),
  S(
    'dcfEquityValue',
    'Equity value',
    'rmbMn',
    sub(line('dcfEnterpriseValue'), add(line('dcfNetDebt'), line('dcfMinorities'))),
  ),
  S('valuePerAdsRmb', 'Value per ADS (Rmb)', 'rmbPerAds', div(line('dcfEquityValue'), drv('adsOutstanding'))),
  S('valuePerAdsUsd', 'Value per ADS (US$)', 'usdPerAds', div(line('valuePerAdsRmb'), drv('fxRate'))),
  S(
    'targetPrice',
    'Target price (US$, rounded)',
    'usdPerAds',
    round(line('valuePerAdsUsd'), drv('targetPriceDigits')),
  ),
  S('upside', 'Upside to target price', 'pct', sub(div(line('targetPrice'), drv('price')), num(1))),
  S(
    'targetEquityValue',
    'Equity value at the target price (Rmb mn)',
    'rmbMn',
    mul(line('targetPrice'), drv('fxRate'), drv('adsOutstanding')),
  ),
  S(
    'targetEnterpriseValue',
    'Enterprise value at the target price (Rmb mn)',
    'rmbMn',
    add(line('targetEquityValue'), line('dcfNetDebt'), line('dcfMinorities')),
  ),
  S(
    'impliedEvSales2026',
    'Implied EV/sales at target, 12/26E (X)',
    'multiple',
    div(line('targetEnterpriseValue'), at('revenue', '2026E')),
  ),
  S(
    'impliedEvSales2027',
    'Implied EV/sales at target, 12/27E (X)',
    'multiple',
    div(line('targetEnterpriseValue'), at('revenue', '2027E')),
  ),
  S(
    'impliedPs2026',
    'Implied P/S at target, 12/26E (X)',
    'multiple',
    div(line('targetEquityValue'), at('revenue', '2026E')),
  ),
  S(
    'impliedPs2027',
    'Implied P/S at target, 12/27E (X)',
    'multiple',
    div(line('targetEquityValue'), at('revenue', '2027E')),
  ),
];
