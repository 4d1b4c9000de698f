import {
  add,
  at,
  change,
  div,
  drv,
  line,
  mul,
  neg,
  num,
  pow,
  prior,
  ratio,
  round,
  sub,
  sumOver,
  when,
} from '../expr';
import { FORECAST_PERIOD_IDS, LAST_PERIOD, PERIOD_IDS } from '../periods';
import { L, statement } from './line';

const FIRST = FORECAST_PERIOD_IDS[0];
const LAST = LAST_PERIOD.id;
const BEFORE_LAST = PERIOD_IDS[PERIOD_IDS.length - 2];
const forecast = { actual: null };
const exitMethod = (then: ReturnType<typeof line>, otherwise: ReturnType<typeof line>) =>
  when('=', drv('terminalMethod'), num(1), then, otherwise);

/**
 * The DCF: unlevered free cash flow to the firm (NOPAT plus D&A less capex less investment in operating working
 * capital, so financing never moves it), discounted at the WACC to 31 Dec 2025; a steady-state terminal year;
 * the bridge from enterprise value to a value per ADS.
 */
export const DCF = statement('DCF', [
  L(
    'nopat',
    'NOPAT (operating profit less unlevered taxes)',
    'rmbMn',
    { ...forecast, explicit: add(line('operatingProfit'), line('operatingTaxes')) },
    'Operating profit after the taxes it would bear with no debt and no cash, losses carried forward included.',
  ),
  L(
    'cashExceptionals',
    'Exceptionals paid in cash (post-tax)',
    'rmbMn',
    { ...forecast, explicit: mul(line('exceptionals'), sub(num(1), line('nonCashExceptionalsShare'))) },
    'The cash part of post-tax exceptionals (the rest is non-cash and added back in the cash flow).',
  ),
  L('investedCapital', 'Invested capital (net fixed assets + operating working capital)', 'rmbMn', {
    explicit: add(line('netFixedAssets'), line('operatingWorkingCapital')),
  }),
  L('reinvestment', 'Reinvestment (capex less D&A plus investment in operating working capital)', 'rmbMn', {
    ...forecast,
    explicit: add(neg(line('capex')), line('da'), change('operatingWorkingCapital')),
  }),
  L('fcff', 'Free cash flow to the firm', 'rmbMn', {
    ...forecast,
    explicit: sub(add(line('nopat'), line('cashExceptionals')), line('reinvestment')),
  }),
  L('dcfYear', 'Years from the valuation date (31 Dec 2025)', 'years', {
    actual: num(0),
    explicit: add(prior('dcfYear'), num(1)),
  }),
  L('discountPeriod', 'Discount period (years)', 'years', {
    ...forecast,
    explicit: sub(line('dcfYear'), div(drv('midYear'), num(2))),
  }),
  L('discountFactor', 'Discount factor', 'factor', {
    ...forecast,
    explicit: div(num(1), pow(add(num(1), drv('wacc')), line('discountPeriod'))),
  }),
  L('pvFcff', 'Present value of FCFF', 'rmbMn', {
    ...forecast,
    explicit: mul(line('fcff'), line('discountFactor')),
  }),
  L('sumPvFcff', 'Sum of PV of FCFF, 12/26E-12/35E', 'rmbMn', { scalar: sumOver('pvFcff', FIRST, LAST) }),
  L('terminalReinvestmentRate', 'Terminal reinvestment rate (12/35E reinvestment / NOPAT)', 'pct', {
    scalar: ratio(at('reinvestment', LAST), at('nopat', LAST)),
  }),
  L(
    'ronic',
    'Return on new invested capital (terminal growth / reinvestment rate)',
    'pct',
    { scalar: ratio(mul(drv('terminalGrowth'), at('nopat', LAST)), at('reinvestment', LAST)) },
    'Reinvestment = growth / RONIC x NOPAT: the return that the terminal value assumes on new capital.',
  ),
  L(
    'roicTerminal',
    'Return on invested capital, 12/35E (NOPAT / opening invested capital)',
    'pct',
    { scalar: ratio(at('nopat', LAST), at('investedCapital', BEFORE_LAST)) },
    'In a steady state new capital earns what existing capital earns: equals RONIC when 12/35E grows at the terminal rate.',
  ),
  L('terminalValueGordon', 'Terminal value, Gordon growth', 'rmbMn', {
    scalar: div(
      mul(at('fcff', LAST), add(num(1), drv('terminalGrowth'))),
      sub(drv('wacc'), drv('terminalGrowth')),
    ),
  }),
  L('terminalValueExit', 'Terminal value, exit multiple', 'rmbMn', {
    scalar: mul(at('ebitdaAdjusted', LAST), drv('exitMultiple')),
  }),
  L('terminalValue', 'Terminal value at 12/35E', 'rmbMn', {
    scalar: exitMethod(line('terminalValueExit'), line('terminalValueGordon')),
  }),
  L(
    'terminalDiscountPeriod',
    'Terminal value discount period (years)',
    'years',
    { scalar: exitMethod(at('dcfYear', LAST), at('discountPeriod', LAST)) },
    "A Gordon value of flows arriving mid-year is discounted like the last year's flow; an exit-multiple value is a price at the year end.",
  ),
  L('pvTerminalValue', 'PV of terminal value', 'rmbMn', {
    scalar: div(line('terminalValue'), pow(add(num(1), drv('wacc')), line('terminalDiscountPeriod'))),
  }),
  L('dcfEnterpriseValue', 'Enterprise value (DCF)', 'rmbMn', {
    scalar: add(line('sumPvFcff'), line('pvTerminalValue')),
  }),
  L('terminalValueShare', 'Terminal value share of EV', 'pct', {
    scalar: ratio(line('pvTerminalValue'), line('dcfEnterpriseValue')),
  }),
  L(
    'dcfNetDebt',
    'Less: net debt, adjusted (12/25)',
    'rmbMn',
    { scalar: at('netDebtAdjusted', '2025A') },
    'Debt plus the debt-like part of other long-term liabilities, less cash, at the valuation date.',
  ),
  L('dcfMinorities', 'Less: minority interest (12/25)', 'rmbMn', {
    scalar: at('minorityInterestBs', '2025A'),
  }),
  L('dcfEquityValue', 'Equity value', 'rmbMn', {
    scalar: sub(line('dcfEnterpriseValue'), add(line('dcfNetDebt'), line('dcfMinorities'))),
  }),
  L('valuePerAdsRmb', 'Value per ADS (Rmb)', 'rmbPerAds', {
    scalar: div(line('dcfEquityValue'), drv('adsOutstanding')),
  }),
  L('valuePerAdsUsd', 'Value per ADS (US$)', 'usdPerAds', {
    scalar: div(line('valuePerAdsRmb'), drv('fxRate')),
  }),
  L('targetPrice', 'Target price (US$, rounded)', 'usdPerAds', {
    scalar: round(line('valuePerAdsUsd'), drv('targetPriceDigits')),
  }),
  L('upside', 'Upside to target price', 'pct', {
    scalar: sub(div(line('targetPrice'), drv('price')), num(1)),
  }),
  L('targetEquityValue', 'Equity value at the target price (Rmb mn)', 'rmbMn', {
    scalar: mul(line('targetPrice'), drv('fxRate'), drv('adsOutstanding')),
  }),
  L('targetEnterpriseValue', 'Enterprise value at the target price (Rmb mn)', 'rmbMn', {
    scalar: add(line('targetEquityValue'), line('dcfNetDebt'), line('dcfMinorities')),
  }),
  L('impliedEvSales2026', 'Implied EV/sales at target, 12/26E (X)', 'multiple', {
    scalar: ratio(line('targetEnterpriseValue'), at('revenue', '2026E')),
  }),
  L('impliedEvSales2027', 'Implied EV/sales at target, 12/27E (X)', 'multiple', {
    scalar: ratio(line('targetEnterpriseValue'), at('revenue', '2027E')),
  }),
  L('impliedPs2026', 'Implied P/S at target, 12/26E (X)', 'multiple', {
    scalar: ratio(line('targetEquityValue'), at('revenue', '2026E')),
  }),
  L('impliedPs2027', 'Implied P/S at target, 12/27E (X)', 'multiple', {
    scalar: ratio(line('targetEquityValue'), at('revenue', '2027E')),
  }),
]);
