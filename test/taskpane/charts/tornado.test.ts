/**
 * The tornado's layout from plain numbers, against hand calculation: each bar from its low to its high end, split at
 * the centre (below it red, above it green), each end's figure on its own side, the centre line and its label; and
 * the SVG it makes (role="img" named by its title, described by its figures).
 */
import { labelWidth } from '../../../src/taskpane/charts/format';
import { walk } from '../../../src/taskpane/charts/svgTree';
import { tornadoLayout, tornadoSvg, type TornadoData } from '../../../src/taskpane/charts/tornado';

const data = (centre: number, rows: [number, number][]): TornadoData => ({
  centre: { label: 'This case', value: centre },
  rows: rows.map(([low, high], i) => ({ id: `g${i}`, label: `Group ${i} (±10%)`, low, high })),
  title: 'Tornado',
  description: 'Group 0 10.00 to 30.00.',
});

describe('tornadoLayout, by hand', () => {
  // Centre 20; rows 10-30 and 15-22 at 300 px. The figures are 5 characters (36 px) plus a 4 px gap on each side,
  // so the scale runs from 10 at x = 40 to 30 at x = 260: 11 px per US$, and the centre is at x = 150.
  const layout = tornadoLayout(
    data(20, [
      [10, 30],
      [15, 22],
    ]),
    300,
  );

  it('scales from the lowest end to the highest, with room for the figures on both sides', () => {
    expect(layout.scale).toEqual({ min: 10, max: 30, x0: 40, x1: 260 });
    expect(layout.centreX).toBe(150);
  });

  it('splits each bar at the centre: the part below it and the part above it', () => {
    expect(layout.rows.map((r) => [r.below, r.above])).toEqual([
      [
        { x: 40, width: 110 },
        { x: 150, width: 110 },
      ],
      [
        { x: 95, width: 55 },
        { x: 150, width: 22 },
      ],
    ]);
  });

  it('labels the low end on the left of the bar and the high end on the right', () => {
    expect(layout.rows.map((r) => [r.leftText, r.leftX, r.rightText, r.rightX])).toEqual([
      ['10.00', 36, '30.00', 264],
      ['15.00', 91, '22.00', 176],
    ]);
  });

  it('keeps the order given (widest first is the model’s) and stacks rows under the centre’s label', () => {
    expect(layout.rows.map((r) => r.id)).toEqual(['g0', 'g1']);
    expect(layout.rows.map((r) => [r.labelY, r.y])).toEqual([
      [32, 38],
      [72, 78],
    ]);
    expect(layout.height).toBe(94); // 20 + 2 x 40 - 10, and 4 px under the last bar
    expect(layout.centreText).toBe('This case US$20.00');
    expect(layout.centreAnchor).toBe('middle');
  });

  it('draws no part on a side the bar does not reach', () => {
    // Both ends above the centre (a shock that raises the value both ways).
    const one = tornadoLayout(data(20, [[25, 28]]), 300);
    expect(one.rows[0].below).toBeNull();
    expect(one.rows[0].above).not.toBeNull();
    expect(one.rows[0].above!.x).toBeCloseTo(one.scale.x0 + (5 / 8) * (one.scale.x1 - one.scale.x0), 9);
  });

  it('keeps the centre’s label inside the chart when the centre is at an edge', () => {
    expect(tornadoLayout(data(10, [[10, 30]]), 300).centreAnchor).toBe('start');
    expect(tornadoLayout(data(30, [[10, 30]]), 300).centreAnchor).toBe('end');
  });

  it('fits every figure inside the width', () => {
    const wide = tornadoLayout(
      data(150, [
        [-12.5, 1234.5],
        [100, 200],
      ]),
      240,
    );
    for (const r of wide.rows) {
      expect(r.leftX - labelWidth(r.leftText)).toBeGreaterThanOrEqual(0);
      expect(r.rightX + labelWidth(r.rightText)).toBeLessThanOrEqual(240);
    }
  });
});

describe('tornadoSvg', () => {
  const tree = tornadoSvg(
    data(20, [
      [10, 30],
      [15, 22],
    ]),
    300,
    'kc-t',
  );
  const nodes = walk(tree);
  const byClass = (cls: string) =>
    nodes.filter((n) =>
      String(n.attrs.class ?? '')
        .split(' ')
        .includes(cls),
    );

  it('is an image named by its title and described by its figures', () => {
    expect(tree.attrs).toMatchObject({ role: 'img', 'aria-labelledby': 'kc-t-title kc-t-desc' });
    expect(nodes.find((n) => n.attrs.id === 'kc-t-title')?.text).toBe('Tornado');
    expect(nodes.find((n) => n.attrs.id === 'kc-t-desc')?.text).toBe('Group 0 10.00 to 30.00.');
  });

  it('draws each row as a red part and a green part, its label, and its two end figures', () => {
    const rows = byClass('kc-chart-row');
    expect(rows.map((r) => [r.attrs['data-low'], r.attrs['data-high']])).toEqual([
      [10, 30],
      [15, 22],
    ]);
    expect(
      rows.map((r) =>
        r.children.map((c) => (c.tag === 'rect' ? c.attrs.class : `${c.attrs.class}:${c.text}`)),
      ),
    ).toEqual([
      [
        'kc-chart-label:Group 0 (±10%)',
        'kc-bar kc-bar-down',
        'kc-bar kc-bar-up',
        'kc-chart-value:10.00',
        'kc-chart-value:30.00',
      ],
      [
        'kc-chart-label:Group 1 (±10%)',
        'kc-bar kc-bar-down',
        'kc-bar kc-bar-up',
        'kc-chart-value:15.00',
        'kc-chart-value:22.00',
      ],
    ]);
    // The low figure is right-aligned at the bar's left end.
    expect(rows[0].children[3].attrs).toMatchObject({ x: 36, 'text-anchor': 'end' });
  });

  it('draws the centre line at the centre, beside each bar and under its label', () => {
    const lines = byClass('kc-chart-centre');
    expect(lines).toHaveLength(3);
    for (const l of lines) expect([l.attrs.x1, l.attrs.x2]).toEqual([150, 150]);
    expect(nodes.filter((n) => n.text === 'This case US$20.00')).toHaveLength(1);
  });
});
