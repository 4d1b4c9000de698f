/** A small XML reader for tests: elements with attributes and children (no DTDs, no mixed-content concerns). */
import { unescapeXml } from '../../src/workbook/ooxml';

export interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses well-formed XML into a tree; throws on mismatched tags. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#root', attrs: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  const re =
    /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<\/([^\s>]+)\s*>|<([^\s/>]+)([^>]*?)(\/?)>|([^<]+)/g;
  for (const m of xml.matchAll(re)) {
    const top = stack[stack.length - 1];
    if (m[1] !== undefined) top.text += m[1];
    else if (m[2]) {
      if (top.name !== m[2]) throw new Error(`</${m[2]}> closes <${top.name}>`);
      stack.pop();
    } else if (m[3]) {
      const attrs: Record<string, string> = {};
      for (const a of m[4].matchAll(/([^\s=]+)="([^"]*)"/g)) attrs[a[1]] = unescapeXml(a[2]);
      const node: XmlNode = { name: m[3], attrs, children: [], text: '' };
      top.children.push(node);
      if (!m[5]) stack.push(node);
    } else if (m[6]) top.text += unescapeXml(m[6]);
  }
  if (stack.length !== 1) throw new Error(`<${stack[stack.length - 1].name}> is not closed`);
  return root.children[0];
}

/** Every node named `name` in the tree, depth first. */
export function findAll(node: XmlNode, name: string, out: XmlNode[] = []): XmlNode[] {
  if (node.name === name) out.push(node);
  for (const c of node.children) findAll(c, name, out);
  return out;
}

/** The first node named `name`, or an error. */
export function find(node: XmlNode, name: string): XmlNode {
  const hit = findAll(node, name)[0];
  if (!hit) throw new Error(`No <${name}> in <${node.name}>`);
  return hit;
}

/**
 * Where children break a schema sequence: each child must be a known element of the sequence, and the children
 * must come in the sequence's order (repeats allowed). An item that is a list is a choice: its elements may come
 * in any order at that place. Returns the problems, empty when the order is right.
 */
export function sequenceProblems(node: XmlNode, sequence: readonly (string | readonly string[])[]): string[] {
  const problems: string[] = [];
  const place = (name: string) =>
    sequence.findIndex((s) => (typeof s === 'string' ? s === name : s.includes(name)));
  let last = -1;
  let lastName = '';
  for (const child of node.children) {
    const i = place(child.name);
    if (i < 0) problems.push(`<${node.name}> has <${child.name}>, which its schema does not allow`);
    else if (i < last) problems.push(`<${node.name}>: <${child.name}> comes after <${lastName}>`);
    else [last, lastName] = [i, child.name];
  }
  return problems;
}
