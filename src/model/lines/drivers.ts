import { DRIVERS } from '../assumptions';
import { drv } from '../expr';
import { fromDriver, L, statement, type LineUnit } from './line';

/**
 * The driver lines: each per-year driver as the statements read it, 12/25 (where the driver has a value) to
 * 12/35E, with its long-range rule. Generated from the driver records (src/model/drivers.ts), so a driver's
 * long-range rule lives in its record.
 */
export const DRIVER_LINES = statement(
  'Drivers',
  DRIVERS.filter(
    (def) => (def.scope === 'explicit' || def.scope === 'actualAndExplicit') && def.line !== false,
  ).map((def) =>
    L(def.id, def.label, def.unit === 'days' ? 'days' : (def.unit as LineUnit), {
      actual: def.scope === 'actualAndExplicit' ? drv(def.id) : null,
      ...fromDriver(def.id),
    }),
  ),
);
