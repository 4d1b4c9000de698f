/**
 * The pane's valuation charts on the page (taskpane.html's #kc-charts): the bridge from the base case as a waterfall
 * and the tornado, for the case in force. The pane calls `show(case)` whenever the case changes; the charts follow
 * once a burst of changes has settled (CHART_DELAY_MS), off the event that caused it, so typing and workbook
 * operations never wait for them (a bridge over every group takes about 30 ms). A case already drawn is not
 * computed again; a new width (the task pane resized) redraws what was computed. Each chart is an inline SVG
 * (role="img", named and described with its figures) followed by a visually hidden table of the same figures; where
 * there is no chart to draw, a message says why. #kc-charts carries data-state ("pending" or "ready") and aria-busy.
 */
import {
  bridgeView,
  caseKey,
  tornadoView,
  type ChartTable,
  type ChartView,
  type PaneCase,
} from './charts/caseCharts';
import { toDom, type SvgNode } from './charts/svgTree';
import { tornadoSvg, type TornadoData } from './charts/tornado';
import { waterfallSvg, type WaterfallData } from './charts/waterfall';

/** How long the charts wait for a burst of changes to settle, ms. */
export const CHART_DELAY_MS = 120;

/** The width drawn when the page has not laid the charts out (a hidden pane), px. */
const FALLBACK_WIDTH = 288;

/** One chart's place on the page and how it is drawn. */
interface Slot<T> {
  id: string;
  compute: (c: PaneCase) => ChartView<T>;
  draw: (data: T, width: number, idPrefix: string) => SvgNode;
  view: ChartView<T> | null;
}

/** The bridge and tornado charts on the page, following the case the pane shows them (see the file's comment). */
export class ValuationCharts {
  private pending: PaneCase | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private drawnKey = '';
  private drawnWidth = 0;
  private readonly bridge: Slot<WaterfallData> = {
    id: 'kc-bridge',
    compute: bridgeView,
    draw: waterfallSvg,
    view: null,
  };
  private readonly tornado: Slot<TornadoData> = {
    id: 'kc-tornado',
    compute: tornadoView,
    draw: tornadoSvg,
    view: null,
  };

  constructor(private readonly doc: Document) {
    const view = doc.defaultView;
    if (view && typeof view.ResizeObserver === 'function')
      new view.ResizeObserver(() => {
        if (!this.pending && this.drawnKey && this.width() !== this.drawnWidth) this.draw();
      }).observe(this.el('kc-bridge'));
  }

  /** The case in force changed (or may have): draw its charts once the burst of changes settles. */
  show(c: PaneCase): void {
    this.pending = { scenario: c.scenario, overrides: { ...c.overrides } };
    const root = this.el('kc-charts');
    root.dataset.state = 'pending';
    root.setAttribute('aria-busy', 'true');
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.settle(), CHART_DELAY_MS);
  }

  private settle(): void {
    const c = this.pending;
    this.pending = null;
    if (!c) return;
    const key = caseKey(c);
    if (key !== this.drawnKey) {
      this.bridge.view = computed(this.bridge, c);
      this.tornado.view = computed(this.tornado, c);
      this.drawnKey = key;
    }
    this.draw();
    const root = this.el('kc-charts');
    root.dataset.state = 'ready';
    root.setAttribute('aria-busy', 'false');
  }

  private width(): number {
    return Math.floor(this.el('kc-bridge').clientWidth) || FALLBACK_WIDTH;
  }

  private draw(): void {
    const width = this.width();
    this.drawnWidth = width;
    this.drawSlot(this.bridge, width);
    this.drawSlot(this.tornado, width);
  }

  private drawSlot<T>(slot: Slot<T>, width: number): void {
    const view = slot.view;
    const chart = this.el(slot.id);
    const message = this.el(`${slot.id}-message`);
    const note = this.el(`${slot.id}-note`);
    const table = this.el<HTMLTableElement>(`${slot.id}-table`);
    if (!view || view.kind === 'message') {
      chart.replaceChildren();
      table.replaceChildren();
      message.textContent = view?.text ?? '';
      message.hidden = !view;
      note.hidden = true;
      return;
    }
    chart.replaceChildren(toDom(slot.draw(view.data, width, `${slot.id}-svg`), this.doc));
    message.hidden = true;
    note.textContent = view.note;
    note.hidden = !view.note;
    fillTable(this.doc, table, view.table);
  }

  private el<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = this.doc.getElementById(id);
    if (!found) throw new Error(`Task pane: #${id} is missing from taskpane.html`);
    return found as T;
  }
}

/** A slot's view of a case; an unexpected failure becomes a message (and a console error: it is a bug). */
function computed<T>(slot: Slot<T>, c: PaneCase): ChartView<T> {
  try {
    return slot.compute(c);
  } catch (error) {
    console.error('[kc] chart', error);
    return {
      kind: 'message',
      text: `The chart could not be drawn: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** Writes a caption, a header row and body rows (first cell a row header) into a table. */
function fillTable(doc: Document, table: HTMLTableElement, data: ChartTable): void {
  const cell = (tag: 'th' | 'td', text: string, scope?: string) => {
    const c = doc.createElement(tag);
    c.textContent = text;
    if (scope) c.setAttribute('scope', scope);
    return c;
  };
  const caption = doc.createElement('caption');
  caption.textContent = data.caption;
  const head = doc.createElement('thead');
  const headRow = doc.createElement('tr');
  headRow.append(...data.head.map((h) => cell('th', h, 'col')));
  head.append(headRow);
  const body = doc.createElement('tbody');
  for (const row of data.rows) {
    const tr = doc.createElement('tr');
    tr.append(cell('th', row[0], 'row'), ...row.slice(1).map((v) => cell('td', v)));
    body.append(tr);
  }
  table.replaceChildren(caption, head, body);
}
