/**
 * A chart as plain data: a tree of SVG elements (tag, attributes, children or text) that the chart modules build
 * without a DOM, that tests read directly, and that the pane turns into nodes with createElementNS (never through
 * innerHTML, so no text can become markup) or tests print as markup.
 */

/** One SVG element. `text` is its text content (for <text>, <title>, <desc>); otherwise its children. */
export interface SvgNode {
  tag: string;
  attrs: Record<string, string | number>;
  children: SvgNode[];
  text?: string;
}

/** The SVG namespace, for createElementNS and the markup's xmlns. */
export const SVG_NS = 'http://www.w3.org/2000/svg';

/** An element with children. */
export function el(tag: string, attrs: SvgNode['attrs'] = {}, children: SvgNode[] = []): SvgNode {
  return { tag, attrs, children };
}

/** An element whose content is text. */
export function textEl(tag: string, attrs: SvgNode['attrs'], text: string): SvgNode {
  return { tag, attrs, children: [], text };
}

/**
 * A chart's root: an <svg> with role="img", named by its <title> and described by its <desc> (the figures in
 * words), then the chart's own elements.
 */
export function chartRoot(
  size: { width: number; height: number },
  text: { title: string; description: string },
  idPrefix: string,
  children: SvgNode[],
): SvgNode {
  return el(
    'svg',
    {
      class: 'kc-chart-svg',
      role: 'img',
      'aria-labelledby': `${idPrefix}-title ${idPrefix}-desc`,
      viewBox: `0 0 ${px(size.width)} ${px(size.height)}`,
      width: px(size.width),
      height: px(size.height),
    },
    [
      textEl('title', { id: `${idPrefix}-title` }, text.title),
      textEl('desc', { id: `${idPrefix}-desc` }, text.description),
      ...children,
    ],
  );
}

/** A coordinate or length rounded to 0.1 px, so the markup stays short and stable. */
export function px(value: number): number {
  return Math.round(value * 10) / 10;
}

/** Every node of the tree, depth first (the tree itself first). */
export function walk(node: SvgNode): SvgNode[] {
  return [node, ...node.children.flatMap(walk)];
}

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The tree as SVG markup (tests, screenshots of a chart alone). */
export function toMarkup(node: SvgNode): string {
  const attrs = Object.entries(node.attrs)
    .map(([k, v]) => ` ${k}="${escape(String(v))}"`)
    .join('');
  const xmlns = node.tag === 'svg' ? ` xmlns="${SVG_NS}"` : '';
  const inner = node.text !== undefined ? escape(node.text) : node.children.map(toMarkup).join('');
  return `<${node.tag}${xmlns}${attrs}>${inner}</${node.tag}>`;
}

/** The tree as DOM nodes of `doc`. */
export function toDom(node: SvgNode, doc: Document): SVGElement {
  const out = doc.createElementNS(SVG_NS, node.tag) as SVGElement;
  for (const [k, v] of Object.entries(node.attrs)) out.setAttribute(k, String(v));
  if (node.text !== undefined) out.textContent = node.text;
  else for (const child of node.children) out.append(toDom(child, doc));
  return out;
}
