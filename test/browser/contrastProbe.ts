/**
 * The in-page half of contrast.ts, bundled for the browser by esbuild (so it runs as written, with no helper of the
 * test runner's transpiler): WCAG 2.x contrast of what the page shows. For each visible text element, its computed
 * colour against the background actually behind it (every ancestor's background composited, alpha included); for
 * inputs and the scenario picker, the bottom border (the control's boundary) against the surface around it; for the
 * charts' bars, their fill against the surface behind them; and the focus ring of the focused control. The maths is WCAG's own (relative luminance of sRGB, (L1 + 0.05) / (L2 + 0.05)),
 * written here independently of src/taskpane/theme.ts so the test does not grade the code with its own formula.
 */

/** One measured pair. */
export interface ContrastReading {
  what: string;
  fg: string;
  bg: string;
  ratio: number;
  /** The AA minimum: 4.5 for text, 3 for a control's boundary, a chart's bar and the focus ring (1.4.3, 1.4.11). */
  min: number;
}

type Rgba = [number, number, number, number];

/** Measures every pair on the page as it is now. */
export function measureContrast(
  textSelectors: readonly string[],
  graphicSelectors: readonly string[] = [],
): ContrastReading[] {
  const parse = (css: string): Rgba => {
    const m = /rgba?\(([^)]+)\)/.exec(css);
    if (!m) throw new Error(`unexpected colour ${css}`);
    const p = m[1]
      .split(/[\s,/]+/)
      .filter(Boolean)
      .map((x) => (x.endsWith('%') ? Number(x.slice(0, -1)) / 100 : Number(x)));
    return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
  };
  const over = (top: Rgba, bottom: Rgba): Rgba => {
    const a = top[3];
    return [0, 1, 2].map((i) => top[i] * a + bottom[i] * (1 - a)).concat(1) as Rgba;
  };
  const hex = (c: Rgba) =>
    `#${c
      .slice(0, 3)
      .map((v) => Math.round(v).toString(16).padStart(2, '0'))
      .join('')}`;
  const luminance = (c: Rgba) => {
    const [r, g, b] = c.slice(0, 3).map((v) => {
      const s = v / 255;
      return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a: Rgba, b: Rgba) => {
    const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  };
  /** The background behind an element: every ancestor's background, composited from the canvas (white) up. */
  const backdrop = (el: Element | null): Rgba => {
    const layers: Rgba[] = [];
    for (let e = el; e; e = e.parentElement) layers.push(parse(getComputedStyle(e).backgroundColor));
    return layers.reverse().reduce((acc, layer) => over(layer, acc), [255, 255, 255, 1] as Rgba);
  };
  const visible = (el: HTMLElement) =>
    !el.closest('[hidden]') && el.getClientRects().length > 0 && getComputedStyle(el).visibility !== 'hidden';
  const name = (el: Element) => {
    const cls = (el.getAttribute('class') ?? '').trim().replace(/\s+/g, '.');
    return `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${cls ? `.${cls}` : ''}`;
  };

  const out: ContrastReading[] = [];
  const seen = new Set<Element>();
  for (const selector of textSelectors)
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      if (seen.has(el) || !visible(el)) continue;
      const content = el instanceof HTMLInputElement ? el.value : (el.textContent ?? '');
      if (!content.trim()) continue;
      seen.add(el);
      const bg = backdrop(el);
      // SVG text is painted with its fill, HTML text with its colour.
      const style = getComputedStyle(el);
      const fg = over(parse(el instanceof SVGElement ? style.fill : style.color), bg);
      out.push({
        what: `${name(el)} "${content.trim().slice(0, 40)}"`,
        fg: hex(fg),
        bg: hex(bg),
        ratio: ratio(fg, bg),
        min: 4.5,
      });
    }
  for (const selector of graphicSelectors)
    for (const el of Array.from(document.querySelectorAll<SVGGraphicsElement>(selector))) {
      if (el.getClientRects().length === 0 || el.closest('[hidden]')) continue;
      const bg = backdrop(el.parentElement);
      const fill = over(parse(getComputedStyle(el).fill), bg);
      out.push({
        what: `the fill of ${name(el)}`,
        fg: hex(fill),
        bg: hex(bg),
        ratio: ratio(fill, bg),
        min: 3,
      });
    }
  for (const el of Array.from(document.querySelectorAll<HTMLElement>('.kc-input, .kc-select'))) {
    if (!visible(el)) continue;
    const bg = backdrop(el.parentElement);
    const border = over(parse(getComputedStyle(el).borderBottomColor), bg);
    out.push({
      what: `bottom border of ${name(el)}`,
      fg: hex(border),
      bg: hex(bg),
      ratio: ratio(border, bg),
      min: 3,
    });
  }
  const focused = document.activeElement as HTMLElement | null;
  if (focused && focused !== document.body && focused.matches(':focus-visible')) {
    const style = getComputedStyle(focused);
    if (style.outlineStyle !== 'none') {
      const bg = backdrop(focused.parentElement);
      const ring = over(parse(style.outlineColor), bg);
      out.push({
        what: `focus ring of ${name(focused)}`,
        fg: hex(ring),
        bg: hex(bg),
        ratio: ratio(ring, bg),
        min: 3,
      });
    }
  }
  return out;
}
