import { line, mul, num, sub } from '../expr';
import { L, statement } from './line';

const rev = line('revenue');

/** Revenue by segment: each pair splits total revenue by a share, so a pair always sums to the total. */
export const SEGMENTS = statement('Segments', [
  L('aiRevenue', 'AI-related revenue', 'rmbMn', { explicit: mul(rev, line('aiShare')) }),
  L('nonAiRevenue', 'Revenue other than AI', 'rmbMn', {
    explicit: mul(rev, sub(num(1), line('aiShare'))),
  }),
  L('ecosystemRevenue', 'Xiaomi/Kingsoft ecosystem revenue', 'rmbMn', {
    explicit: mul(rev, line('ecosystemShare')),
  }),
  L('otherCustomersRevenue', 'Revenue from other customers', 'rmbMn', {
    explicit: mul(rev, sub(num(1), line('ecosystemShare'))),
  }),
]);
