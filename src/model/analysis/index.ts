/** What the market implies, what moved the value, what matters most: reverse DCF, bridge, tornado, football field. */
export { brent, type BrentOptions, type Root } from './solver';
export { parseCase, caseText, CASE_SYNTAX, type Case } from './cases';
export {
  impliedValue,
  impliedValues,
  findImpliedDriver,
  solutionText,
  IMPLIED_DRIVERS,
  PRICE_TOLERANCE,
  type ImpliedDriver,
  type ImpliedKind,
  type ImpliedOptions,
  type ImpliedResult,
} from './implied';
export {
  priceBridge,
  shapley,
  INPUTS_GROUP_LABEL,
  type BridgeGroup,
  type BridgeItem,
  type BridgeResult,
} from './bridge';
export {
  tornado,
  TORNADO_SHOCKS,
  type GroupShock,
  type Shock,
  type TornadoEnd,
  type TornadoResult,
  type TornadoRow,
} from './tornado';
export { footballField, PS_BAND, type FootballBar, type FootballField } from './football';
export { usd, percent, points, multiple } from './format';
