/**
 * The waterfall's layout from plain numbers, against hand calculation: which values each bar spans, where it is drawn,
 * its label; the running total stepping exactly from the start to the end; and the SVG it makes (role="img" named
 * by its title, described by its figures).
 */
import fc from 'fast-check';
import { labelWidth, MINUS } from '../../../src/taskpane/charts/format';
import { toMarkup, walk, type SvgNode } from '../../../src/taskpane/charts/svgTree';
import {
  waterfallLayout,
  waterfallSentence,
  waterfallSvg,
  type WaterfallData,
} from '../../../src/taskpane/charts/waterfall';

const data = (start: number, deltas: number[], end: number): WaterfallData => ({
  start: { label: 'Base case', value: start },
  steps: deltas.map((delta, i) => ({ id: `g${i}`, label: `Group ${i}`, delta })),
  end: { label: 'This case', value: end },
  title: 'Bridge',
  description: 'From 10 to 14.',
});

describe('waterfallLayout, by hand', () => {
  // 10, +5, -3, +2 = 14 at 300 px. The widest figure is "US$10.00": 8 characters x 7.2 px = 57.6, so 58 px plus a
  // 4 px gap is kept for figures: the scale runs from 0 at x = 1 to 15 (the highest running total) at x = 238, that
  // is 15.8 px per US$.
  const layout = waterfallLayout(data(10, [5, -3, 2], 14), 300);
  const x = (v: number) => 1 + v * 15.8;

  it('spans each bar: the totals from zero, each step from the running total before it to the one after', () => {
    expect(layout.bars.map((b) => [b.kind, b.from, b.to])).toEqual([
      ['total', 0, 10],
      ['up', 10, 15],
      ['down', 15, 12],
      ['up', 12, 14],
      ['total', 0, 14],
    ]);
    expect(layout.scale).toEqual({ min: 0, max: 15, x0: 1, x1: 238 });
  });

  it('draws each bar between its two values on the scale', () => {
    const drawn = layout.bars.map((b) => [b.x, b.width]);
    const want = [
      [x(0), 158],
      [x(10), 79],
      [x(12), 47.4],
      [x(12), 31.6],
      [x(0), 221.2],
    ];
    drawn.forEach(([left, width], i) => {
      expect(left).toBeCloseTo(want[i][0], 9);
      expect(width).toBeCloseTo(want[i][1], 9);
    });
  });

  it('labels each bar: totals in US$, steps signed with a true minus, beside the bar', () => {
    expect(layout.bars.map((b) => b.valueText)).toEqual([
      'US$10.00',
      '+5.00',
      `${MINUS}3.00`,
      '+2.00',
      'US$14.00',
    ]);
    for (const b of layout.bars) expect(b.valueX).toBeCloseTo(b.x + b.width + 4, 9);
  });

  it('stacks the rows 40 px apart (a 16 px label line, 2 px, a 12 px bar, 10 px), each label over its bar', () => {
    expect(layout.bars.map((b) => b.y)).toEqual([18, 58, 98, 138, 178]);
    expect(layout.bars.map((b) => b.labelY)).toEqual([12, 52, 92, 132, 172]);
    expect(layout.height).toBe(194); // 5 x 40 - 10, and 4 px under the last bar
  });

  it('connects each bar to the next at the running total', () => {
    expect(layout.connectors.map((c) => [c.y1, c.y2])).toEqual([
      [30, 58],
      [70, 98],
      [110, 138],
      [150, 178],
    ]);
    [10, 15, 12, 14].forEach((v, i) => expect(layout.connectors[i].x).toBeCloseTo(x(v), 9));
  });

  it('puts zero inside the scale when a value is negative', () => {
    // 2, -5 = -3: the scale runs from -3 to 2.
    const negative = waterfallLayout(data(2, [-5], -3), 300);
    expect(negative.scale.min).toBe(-3);
    expect(negative.scale.max).toBe(2);
    const [start, step, end] = negative.bars;
    const perUsd = (negative.scale.x1 - negative.scale.x0) / 5;
    expect(start.x).toBeCloseTo(negative.scale.x0 + 3 * perUsd, 9);
    expect(step.x).toBeCloseTo(negative.scale.x0, 9);
    expect(step.width).toBeCloseTo(5 * perUsd, 9);
    expect(end.x).toBeCloseTo(negative.scale.x0, 9);
    expect(end.valueText).toBe(`${MINUS}US$3.00`);
  });

  it('lays out at 200 px at least (a narrower container scales the picture down)', () => {
    expect(waterfallLayout(data(10, [5], 15), 120).width).toBe(200);
  });
});

/** US$ amounts to 1e-5 (the figures the engine gives, to far below a cent). */
const usd = (min: number, max: number) => fc.integer({ min: min * 1e5, max: max * 1e5 }).map((v) => v / 1e5);

describe('the running total', () => {
  it('steps exactly from the start to the end: each step starts where the one before ended', () => {
    fc.assert(
      fc.property(
        usd(-50, 100),
        fc.array(usd(-20, 20), { minLength: 1, maxLength: 9 }),
        fc.integer({ min: 200, max: 800 }),
        (start, deltas, width) => {
          const end = deltas.reduce((a, d) => a + d, start);
          const { bars, scale } = waterfallLayout(data(start, deltas, end), width);
          const steps = bars.slice(1, -1);
          expect(steps[0].from).toBe(start);
          steps.forEach((s, i) => {
            if (i > 0) expect(s.from).toBe(steps[i - 1].to);
            expect(s.to - s.from).toBeCloseTo(deltas[i], 9);
            const perUsd = (scale.x1 - scale.x0) / (scale.max - scale.min);
            expect(s.width).toBeCloseTo(Math.abs(deltas[i]) * perUsd, 6);
          });
          expect(Math.abs(steps[steps.length - 1].to - bars[bars.length - 1].to)).toBeLessThan(1e-9);
          for (const b of bars) {
            expect(b.x).toBeGreaterThanOrEqual(0);
            // Every figure fits beside its bar.
            expect(b.valueX + labelWidth(b.valueText)).toBeLessThanOrEqual(width + 1e-9);
          }
        },
      ),
    );
  });
});

describe('waterfallSvg', () => {
  const tree = waterfallSvg(data(10, [5, -3, 2], 14), 300, 'kc-test');
  const nodes = walk(tree);
  const byClass = (cls: string) =>
    nodes.filter((n) =>
      String(n.attrs.class ?? '')
        .split(' ')
        .includes(cls),
    );
  const texts = (list: SvgNode[]) => list.map((n) => n.text);

  it('is an image named by its title and described by its figures', () => {
    expect(tree.tag).toBe('svg');
    expect(tree.attrs.role).toBe('img');
    expect(tree.attrs['aria-labelledby']).toBe('kc-test-title kc-test-desc');
    expect(nodes.find((n) => n.attrs.id === 'kc-test-title')).toMatchObject({ tag: 'title', text: 'Bridge' });
    expect(nodes.find((n) => n.attrs.id === 'kc-test-desc')).toMatchObject({
      tag: 'desc',
      text: 'From 10 to 14.',
    });
    expect(tree.attrs.viewBox).toBe('0 0 300 194');
  });

  it('has one bar per row in its colour class, each labelled', () => {
    expect(byClass('kc-bar').map((n) => n.attrs.class)).toEqual([
      'kc-bar kc-bar-total',
      'kc-bar kc-bar-up',
      'kc-bar kc-bar-down',
      'kc-bar kc-bar-up',
      'kc-bar kc-bar-total',
    ]);
    expect(texts(byClass('kc-chart-label'))).toEqual([
      'Base case',
      'Group 0',
      'Group 1',
      'Group 2',
      'This case',
    ]);
    expect(texts(byClass('kc-chart-value'))).toEqual([
      'US$10.00',
      '+5.00',
      `${MINUS}3.00`,
      '+2.00',
      'US$14.00',
    ]);
    // The down step: from 12 to 15 on the scale (x = 1 + 15.8 v), drawn at 0.1 px.
    expect(byClass('kc-bar')[2].attrs).toMatchObject({ x: 190.6, width: 47.4, y: 98, height: 12 });
  });

  it('marks zero beside each bar only where the scale has negative values', () => {
    expect(byClass('kc-chart-axis')).toHaveLength(0);
    const negative = walk(waterfallSvg(data(2, [-5], -3), 300, 'n')).filter(
      (n) => n.attrs.class === 'kc-chart-axis',
    );
    const layout = waterfallLayout(data(2, [-5], -3), 300);
    const zero = layout.scale.x0 + (3 / 5) * (layout.scale.x1 - layout.scale.x0);
    expect(negative).toHaveLength(3);
    for (const line of negative) expect(line.attrs.x1).toBeCloseTo(zero, 1);
  });

  it('escapes text in markup', () => {
    const markup = toMarkup(waterfallSvg({ ...data(1, [1], 2), title: 'A <b> & "c"' }, 300, 'x'));
    expect(markup).toContain('<title id="x-title">A &lt;b&gt; &amp; &quot;c&quot;</title>');
    expect(markup.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('says the figures in one sentence', () => {
    expect(waterfallSentence(data(10, [5, -3, 2], 14))).toBe(
      `Base case US$10.00; Group 0 +5.00; Group 1 ${MINUS}3.00; Group 2 +2.00; This case US$14.00.`,
    );
  });
});
