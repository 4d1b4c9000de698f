import { add, div, drv, line, mul, neg, num, prior, sub, when } from '../expr';
import { L, statement } from './line';

/**
 * The fixed-asset schedule: D&A from the assets, so that capex raises later D&A. Depreciation is a rate on
 * opening net PP&E plus half the year's capex (assets bought through the year); amortization is a rate on
 * opening net intangibles. After 12/28E capex is what it takes to bring net fixed assets to the year's
 * intensity (net fixed assets / revenue), which fades to its terminal value by 12/34E, so that in 12/35E net
 * fixed assets grow with revenue, at the terminal growth rate.
 */
export const FIXED_ASSETS = statement('Fixed Assets', [
  L(
    'depreciation',
    'Depreciation of PP&E',
    'rmbMn',
    {
      actual: null,
      explicit: mul(line('depreciationRate'), add(prior('netPpe'), div(neg(line('capex')), num(2)))),
    },
    'Depreciation rate x (opening net PP&E + half of the year’s capex).',
  ),
  L(
    'intangiblesAmortization',
    'Amortization of intangibles',
    'rmbMn',
    { actual: null, explicit: mul(prior('netIntangibles'), line('intangiblesAmortizationRate')) },
    'Amortization rate x opening net intangibles.',
  ),
  L('netFixedAssets', 'Net fixed assets (PP&E and intangibles)', 'rmbMn', {
    explicit: add(line('netPpe'), line('netIntangibles')),
  }),
  L(
    'fixedAssetIntensity',
    'Net fixed assets / revenue (x)',
    'multiple',
    {
      actual: null,
      // A year with no revenue has no intensity of its own; the fade then starts from the terminal value.
      explicit: when(
        '=',
        line('revenue'),
        num(0),
        drv('fixedAssetIntensityTerminal'),
        div(line('netFixedAssets'), line('revenue')),
      ),
      longRange: add(
        prior('fixedAssetIntensity'),
        mul(sub(drv('fixedAssetIntensityTerminal'), prior('fixedAssetIntensity')), drv('fadeWeight')),
      ),
    },
    'Reported in 12/26E-28E; after, it fades to the terminal intensity and sets capex.',
  ),
]);
