/**
 * A horizontal waterfall from plain numbers: the starting value as a bar from zero, one floating bar per step (from
 * the running total before it to the running total after it: up green, down red, each labelled with its signed
 * part), then the final value as a bar from zero, with dashed connectors carrying each running total to the next
 * row. Rows run top to bottom, each a label line over its bar, so a long group name never squeezes the bars: it reads
 * at 320 px. Pure: layout numbers, and an SVG tree (svgTree.ts); no DOM.
 */
import {
  beside,
  BOTTOM,
  FONT_SIZE,
  labelWidth,
  MIN_WIDTH,
  ROW,
  ROW_HEIGHT,
  signed,
  usd,
  VALUE_GAP,
} from './format';
import { chartRoot, el, px, textEl, type SvgNode } from './svgTree';

/** One step of the waterfall. */
export interface WaterfallStep {
  id: string;
  label: string;
  delta: number;
}

/** What the waterfall shows: a start, the steps, an end; and what the picture says, for assistive technology. */
export interface WaterfallData {
  start: { label: string; value: number };
  steps: readonly WaterfallStep[];
  end: { label: string; value: number };
  /** The chart's accessible name and description (the description states the figures). */
  title: string;
  description: string;
}

/** A bar as laid out: the values it spans and where it is drawn (px). */
export interface WaterfallBar {
  kind: 'total' | 'up' | 'down';
  id: string;
  label: string;
  /** The values at its two ends: 0 and the value for a total; the running total before and after a step. */
  from: number;
  to: number;
  /** Left edge and width of the bar, px. */
  x: number;
  width: number;
  /** Top of the bar, px. */
  y: number;
  /** The label over the bar (its baseline) and the figure beside it (left edge and baseline). */
  labelY: number;
  valueText: string;
  valueX: number;
  valueY: number;
}

/** The layout of a waterfall at a width. */
export interface WaterfallLayout {
  width: number;
  height: number;
  bars: WaterfallBar[];
  /** The value scale: `min` at `x0` px, `max` at `x1` px. */
  scale: { min: number; max: number; x0: number; x1: number };
  /** Dashed lines from each bar's end to the next bar, at the running total. */
  connectors: { x: number; y1: number; y2: number }[];
}

/** Lays the waterfall out at `width` px; see the module's comment. */
export function waterfallLayout(data: WaterfallData, width: number): WaterfallLayout {
  const w = Math.max(MIN_WIDTH, width);
  const rows: Omit<WaterfallBar, 'x' | 'width' | 'y' | 'labelY' | 'valueX' | 'valueY'>[] = [];
  rows.push({
    kind: 'total',
    id: 'start',
    label: data.start.label,
    from: 0,
    to: data.start.value,
    valueText: usd(data.start.value),
  });
  let running = data.start.value;
  for (const step of data.steps) {
    const next = running + step.delta;
    rows.push({
      kind: step.delta < 0 ? 'down' : 'up',
      id: step.id,
      label: step.label,
      from: running,
      to: next,
      valueText: signed(step.delta),
    });
    running = next;
  }
  rows.push({
    kind: 'total',
    id: 'end',
    label: data.end.label,
    from: 0,
    to: data.end.value,
    valueText: usd(data.end.value),
  });

  const values = rows.flatMap((r) => [r.from, r.to]);
  const min = Math.min(0, ...values);
  let max = Math.max(0, ...values);
  if (max === min) max = min + 1;
  const room = Math.max(...rows.map((r) => labelWidth(r.valueText))) + VALUE_GAP;
  const x0 = 1;
  const x1 = w - room;
  const x = (v: number) => x0 + ((v - min) / (max - min)) * (x1 - x0);

  const bars = rows.map((r, i): WaterfallBar => {
    const top = i * ROW_HEIGHT;
    const y = top + ROW.label + ROW.gap;
    const [left, right] = [x(Math.min(r.from, r.to)), x(Math.max(r.from, r.to))];
    return {
      ...r,
      x: left,
      width: right - left,
      y,
      labelY: top + FONT_SIZE,
      valueX: right + VALUE_GAP,
      valueY: beside(y),
    };
  });
  const connectors = bars.slice(0, -1).map((bar, i) => ({
    // A total connects at its value; a step at the running total after it.
    x: x(bar.to),
    y1: bar.y + ROW.bar,
    y2: bars[i + 1].y,
  }));
  return {
    width: w,
    height: rows.length * ROW_HEIGHT - ROW.after + BOTTOM,
    bars,
    scale: { min, max, x0, x1 },
    connectors,
  };
}

/** The waterfall as an SVG tree: role="img", named by its title and described by its figures. */
export function waterfallSvg(data: WaterfallData, width: number, idPrefix: string): SvgNode {
  const layout = waterfallLayout(data, width);
  const { scale } = layout;
  const zero = scale.x0 + ((0 - scale.min) / (scale.max - scale.min)) * (scale.x1 - scale.x0);
  return chartRoot(layout, data, idPrefix, [
    // Where the scale has negative values, zero is marked beside each bar (never through a label); otherwise zero
    // is the left edge, where the totals start.
    ...(scale.min < 0 ? layout.bars : []).map((bar) =>
      el('line', {
        class: 'kc-chart-axis',
        x1: px(zero),
        x2: px(zero),
        y1: px(bar.y - 2),
        y2: px(bar.y + ROW.bar + 2),
      }),
    ),
    ...layout.connectors.map((c) =>
      el('line', { class: 'kc-chart-connector', x1: px(c.x), x2: px(c.x), y1: px(c.y1), y2: px(c.y2) }),
    ),
    ...layout.bars.map((bar) =>
      el('g', { class: 'kc-chart-row', 'data-id': bar.id, 'data-from': bar.from, 'data-to': bar.to }, [
        textEl('text', { class: 'kc-chart-label', x: 0, y: px(bar.labelY) }, bar.label),
        el('rect', {
          class: `kc-bar kc-bar-${bar.kind}`,
          x: px(bar.x),
          y: px(bar.y),
          // A part too small to see still shows as a sliver in its colour.
          width: px(Math.max(bar.width, 1)),
          height: ROW.bar,
        }),
        textEl('text', { class: 'kc-chart-value', x: px(bar.valueX), y: px(bar.valueY) }, bar.valueText),
      ]),
    ),
  ]);
}

/** The steps and totals in words: "Base case US$19.50; Revenue +4.99; ...; This case US$31.31." */
export function waterfallSentence(data: Pick<WaterfallData, 'start' | 'steps' | 'end'>): string {
  const steps = data.steps.map((s) => `${s.label} ${signed(s.delta)}`);
  return `${[`${data.start.label} ${usd(data.start.value)}`, ...steps, `${data.end.label} ${usd(data.end.value)}`].join('; ')}.`;
}
