/**
 * The named options of KC.REVENUE, KC.EBITDA and KC.DCF: the name shown in messages and formula help, the other
 * names each answers to, and the model line or DCF output it selects. The first of each list is the default.
 */
import { findLine, type DcfOutput, type LineDef } from '../model';
import { chooser, type Choice } from './arguments';

/** A line of the model by id; the ids below are the model's own, so a missing one is a bug caught at load. */
function line(id: string): LineDef {
  const def = findLine(id);
  if (!def) throw new Error(`KC.* options name a line the model does not have: ${id}`);
  return def;
}

const labelOf = (id: string) => line(id).label;

/** KC.REVENUE's segment: the first is the default. */
export const SEGMENTS: readonly Choice<LineDef>[] = [
  { name: 'total', aliases: ['all', 'revenue', 'total revenue', 'group'], value: line('revenue') },
  { name: 'AI-related', aliases: ['AI', 'aiRevenue', labelOf('aiRevenue')], value: line('aiRevenue') },
  {
    name: 'other than AI',
    aliases: ['non-AI', 'ex-AI', 'nonAiRevenue', labelOf('nonAiRevenue')],
    value: line('nonAiRevenue'),
  },
  {
    name: 'ecosystem',
    aliases: [
      'Xiaomi/Kingsoft ecosystem',
      'Xiaomi',
      'Kingsoft',
      'ecosystemRevenue',
      labelOf('ecosystemRevenue'),
    ],
    value: line('ecosystemRevenue'),
  },
  {
    name: 'other customers',
    aliases: ['others', 'non-ecosystem', 'otherCustomersRevenue', labelOf('otherCustomersRevenue')],
    value: line('otherCustomersRevenue'),
  },
];

/** KC.EBITDA's basis: the note's headline EBITDA (default), the income-statement line, or the headline margin. */
export const EBITDA_BASES: readonly Choice<LineDef>[] = [
  {
    name: 'adjusted',
    aliases: ['headline', 'adj', 'note', 'ebitdaAdjusted', labelOf('ebitdaAdjusted')],
    value: line('ebitdaAdjusted'),
  },
  {
    name: 'reported',
    aliases: ['income statement', 'IS', 'statement', 'unadjusted', 'ebitda'],
    value: line('ebitda'),
  },
  {
    name: 'margin',
    aliases: ['adjusted margin', 'EBITDA margin', 'ebitdaMargin'],
    value: line('ebitdaMargin'),
  },
];

/** KC.DCF's output: US$ per ADS (default, unrounded), then the rest of the DCF's results. */
export const DCF_OUTPUTS: readonly Choice<DcfOutput>[] = [
  {
    name: 'US$ per ADS',
    aliases: ['USD', 'US$', 'USD per ADS', 'value per ADS', 'per ADS', 'valuePerAdsUsd'],
    value: 'valuePerAdsUsd',
  },
  { name: 'Rmb per ADS', aliases: ['Rmb', 'RMB', 'CNY', 'valuePerAdsRmb'], value: 'valuePerAdsRmb' },
  {
    name: 'EV',
    aliases: ['enterprise value', 'dcfEnterpriseValue', 'enterpriseValue'],
    value: 'enterpriseValue',
  },
  { name: 'equity value', aliases: ['equity', 'dcfEquityValue', 'equityValue'], value: 'equityValue' },
  { name: 'upside', aliases: ['upside to target', 'upside to target price'], value: 'upside' },
  {
    name: 'terminal-value share of EV',
    aliases: ['terminal value share', 'TV share', 'TV', 'terminalValueShare'],
    value: 'terminalValueShare',
  },
  {
    name: 'target price',
    aliases: ['target', 'price target', 'TP', 'PT', 'targetPrice'],
    value: 'targetPrice',
  },
];

/** KC.REVENUE's segment argument: a revenue line. */
export const parseSegment = chooser('segment', 'a segment', SEGMENTS);

/** KC.EBITDA's basis argument: an EBITDA line. */
export const parseBasis = chooser('basis', 'a basis', EBITDA_BASES);

/** KC.DCF's output argument: a DCF output. */
export const parseOutput = chooser('output', 'an output', DCF_OUTPUTS);
