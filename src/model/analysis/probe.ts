/**
 * Value per ADS of many assumption sets near one built model, for the tools that search or attribute it (reverse
 * DCF, bridge, tornado). Each evaluation recomputes only the cells the value per ADS reads (its cone, about a third
 * of the model) that the changed drivers reach, starting from a nearby evaluation; the rest of the model is not
 * evaluated at all. Nothing is cached between calls: every answer is computed from its own assumptions.
 */
import type { AssumptionSet } from '../assumptions';
import type { Decimal } from '../decimal';
import { coneOf, evaluateAll, valueAt, type Evaluated } from '../evaluate';
import type { KcModel } from '../index';
import { validate } from '../overrides';

/** The cells the value per ADS (US$) reads. */
const CONE = coneOf('valuePerAdsUsd');

/** An evaluation that is right for the value per ADS's cone only: the start of the next probe, never a model. */
export interface Probed {
  readonly evaluated: Evaluated;
  /** US$ per ADS, unrounded. */
  readonly value: Decimal;
}

/** The first probe: a built model, whose every cell is right. */
export function probeStart(model: KcModel): Probed {
  const evaluated = model.evaluated();
  return { evaluated, value: valueOf(evaluated) };
}

/**
 * US$ per ADS for an assumption set, evaluated from a nearby probe (only the cone's cells that differ). The set
 * must hold values within their drivers' ranges; it is checked for WACC above terminal growth here.
 */
export function probe(assumptions: AssumptionSet, near: Probed): Probed {
  validate(assumptions);
  const evaluated = { assumptions, values: evaluateAll(assumptions, near.evaluated, CONE) };
  return { evaluated, value: valueOf(evaluated) };
}

function valueOf(evaluated: Evaluated): Decimal {
  return valueAt(evaluated.values, 'valuePerAdsUsd', -1) as Decimal;
}
