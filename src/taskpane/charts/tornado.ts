/**
 * A horizontal tornado from plain numbers: one floating bar per row from its low end to its high end, drawn around a
 * centre value (the case's): the part below the centre red, the part above it green, the lower end's figure left of
 * the bar and the higher end's right of it, and a vertical line at the centre labelled with its value. Rows keep the
 * order given (widest first, as the model sorts them), each a label line over its bar, so it reads at 320 px. Pure:
 * layout numbers, and an SVG tree (svgTree.ts); no DOM.
 */
import {
  amount,
  beside,
  BOTTOM,
  usd,
  FONT_SIZE,
  labelWidth,
  MIN_WIDTH,
  ROW,
  ROW_HEIGHT,
  VALUE_GAP,
} from './format';
import { chartRoot, el, px, textEl, type SvgNode } from './svgTree';

/** One row: its label (the group and its shock) and the value at each end. */
export interface TornadoBarData {
  id: string;
  label: string;
  low: number;
  high: number;
}

/** What the tornado shows, and what the picture says for assistive technology. */
export interface TornadoData {
  centre: { label: string; value: number };
  rows: readonly TornadoBarData[];
  title: string;
  description: string;
}

/** A row as laid out (px): the bar's span, its parts below and above the centre, and the two end figures. */
export interface TornadoRowLayout {
  id: string;
  label: string;
  low: number;
  high: number;
  labelY: number;
  y: number;
  /** The part below the centre and the part above it; null where the bar has none. */
  below: { x: number; width: number } | null;
  above: { x: number; width: number } | null;
  /** The lower end's figure, right-aligned at `leftX`; the higher end's, left-aligned at `rightX`. */
  leftText: string;
  leftX: number;
  rightText: string;
  rightX: number;
  valueY: number;
}

/** The layout of a tornado at a width. */
export interface TornadoLayout {
  width: number;
  height: number;
  rows: TornadoRowLayout[];
  scale: { min: number; max: number; x0: number; x1: number };
  /** The centre line, and its label (with its anchor, so it stays inside the chart). */
  centreX: number;
  centreText: string;
  centreAnchor: 'start' | 'middle' | 'end';
}

/** The header line for the centre's label, above the rows. */
const HEADER = 20;

/** Lays the tornado out at `width` px; see the module's comment. */
export function tornadoLayout(data: TornadoData, width: number): TornadoLayout {
  const w = Math.max(MIN_WIDTH, width);
  const c = data.centre.value;
  const ends = data.rows.map((r) => ({ r, lo: Math.min(r.low, r.high), hi: Math.max(r.low, r.high) }));
  let min = Math.min(c, ...ends.map((e) => e.lo));
  let max = Math.max(c, ...ends.map((e) => e.hi));
  if (max === min) [min, max] = [min - 1, max + 1];
  const leftRoom = Math.max(0, ...ends.map((e) => labelWidth(amount(e.lo)))) + VALUE_GAP;
  const rightRoom = Math.max(0, ...ends.map((e) => labelWidth(amount(e.hi)))) + VALUE_GAP;
  const x0 = leftRoom;
  const x1 = w - rightRoom;
  const x = (v: number) => x0 + ((v - min) / (max - min)) * (x1 - x0);
  const centreX = x(c);

  const rows = ends.map(({ r, lo, hi }, i): TornadoRowLayout => {
    const top = HEADER + i * ROW_HEIGHT;
    const y = top + ROW.label + ROW.gap;
    const part = (from: number, to: number) => (to > from ? { x: x(from), width: x(to) - x(from) } : null);
    return {
      id: r.id,
      label: r.label,
      low: r.low,
      high: r.high,
      labelY: top + FONT_SIZE,
      y,
      below: part(lo, Math.min(hi, c)),
      above: part(Math.max(lo, c), hi),
      leftText: amount(lo),
      leftX: x(lo) - VALUE_GAP,
      rightText: amount(hi),
      rightX: x(hi) + VALUE_GAP,
      valueY: beside(y),
    };
  });
  const centreText = `${data.centre.label} ${usd(c)}`;
  const half = labelWidth(centreText) / 2;
  const centreAnchor = centreX - half < 0 ? 'start' : centreX + half > w ? 'end' : 'middle';
  return {
    width: w,
    height: HEADER + rows.length * ROW_HEIGHT - ROW.after + BOTTOM,
    rows,
    scale: { min, max, x0, x1 },
    centreX,
    centreText,
    centreAnchor,
  };
}

/** The tornado as an SVG tree: role="img", named by its title and described by its figures. */
export function tornadoSvg(data: TornadoData, width: number, idPrefix: string): SvgNode {
  const layout = tornadoLayout(data, width);
  const rect = (kind: 'up' | 'down', y: number, part: { x: number; width: number } | null) =>
    part
      ? [
          el('rect', {
            class: `kc-bar kc-bar-${kind}`,
            x: px(part.x),
            y: px(y),
            width: px(Math.max(part.width, 1)),
            height: ROW.bar,
          }),
        ]
      : [];
  const labelX = { start: 0, middle: layout.centreX, end: layout.width }[layout.centreAnchor];
  return chartRoot(layout, data, idPrefix, [
    textEl(
      'text',
      { class: 'kc-chart-label', x: px(labelX), y: FONT_SIZE, 'text-anchor': layout.centreAnchor },
      layout.centreText,
    ),
    ...layout.rows.map((row) =>
      el('g', { class: 'kc-chart-row', 'data-id': row.id, 'data-low': row.low, 'data-high': row.high }, [
        textEl('text', { class: 'kc-chart-label', x: 0, y: px(row.labelY) }, row.label),
        ...rect('down', row.y, row.below),
        ...rect('up', row.y, row.above),
        textEl(
          'text',
          { class: 'kc-chart-value', x: px(row.leftX), y: px(row.valueY), 'text-anchor': 'end' },
          row.leftText,
        ),
        textEl('text', { class: 'kc-chart-value', x: px(row.rightX), y: px(row.valueY) }, row.rightText),
      ]),
    ),
    // The centre line: under its label, and across each bar (over it, so it shows where the parts meet), never
    // through a row's label.
    ...[
      { y1: FONT_SIZE + 3, y2: HEADER },
      ...layout.rows.map((r) => ({ y1: r.y - 3, y2: r.y + ROW.bar + 3 })),
    ].map((seg) =>
      el('line', {
        class: 'kc-chart-centre',
        x1: px(layout.centreX),
        x2: px(layout.centreX),
        y1: px(seg.y1),
        y2: px(seg.y2),
      }),
    ),
  ]);
}
