import { buildModel } from '../src/model';
const m = buildModel({ scenario: process.argv[2] ?? 'base' });
const show = (id: string) => console.log(id.padEnd(26), m.series(id).map(x => x.value === null ? 'NM' : (Math.abs(x.value.toNumber())<5? x.value.times(100).toFixed(1)+'%':x.value.toFixed(0)).padStart(7)).join(' '));
for (const id of (process.argv[3] ?? 'revenue,revenueGrowthReported,ebitdaMargin,da,capex,netFixedAssets,fixedAssetIntensity,ebit,netInterest,pretax,tax,nopat,reinvestment,fcff,cash,revolver,operatingWorkingCapital').split(',')) show(id);
const d = m.dcf();
console.log('value', d.valuePerAdsUsd.toFixed(4), 'EV', d.enterpriseValue.toFixed(1), 'sumPV', d.sumPvFcff.toFixed(0), 'TVshare', d.terminalValueShare.toFixed(3));
for (const id of ['ronic','roicTerminal','terminalReinvestmentRate']) console.log(id, m.value(id, 2030)?.toFixed(4));
console.log('failed checks', m.checks().filter(c=>!c.ok).map(c=>`${c.id}@${c.period}=${c.difference}`).slice(0,10));
