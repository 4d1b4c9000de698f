/**
 * A small, strict XML reader for the manifest tests (the project has no XML library): it checks well-formedness
 * (one root, tags nested and closed in order, attributes quoted and unique, entities known, nothing but whitespace,
 * comments and processing instructions outside the root, namespace prefixes declared) and returns the element tree.
 * No DTDs, no external entities.
 */

export interface XmlElement {
  /** The name as written, prefix included ("bt:Image"). */
  name: string;
  /** The name without its prefix ("Image"). */
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  /** The element's own text (entities decoded, CDATA included), concatenated. */
  text: string;
  line: number;
}

export class XmlError extends Error {
  constructor(message: string, line: number) {
    super(`line ${line}: ${message}`);
    this.name = 'XmlError';
  }
}

const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, line: number): string {
  return text.replace(/&([^;\s&]*);?/g, (match, body: string) => {
    if (!match.endsWith(';')) throw new XmlError(`bare "&" (write &amp;)`, line);
    if (body in ENTITIES) return ENTITIES[body];
    const code = /^#x([0-9a-fA-F]+)$/.exec(body)?.[1];
    const dec = /^#(\d+)$/.exec(body)?.[1];
    if (code !== undefined) return String.fromCodePoint(parseInt(code, 16));
    if (dec !== undefined) return String.fromCodePoint(parseInt(dec, 10));
    throw new XmlError(`unknown entity &${body};`, line);
  });
}

/** Parses an XML document; throws XmlError with a line number when it is not well-formed. */
export function parseXml(source: string): XmlElement {
  const text = source.replace(/^\uFEFF/, '');
  let pos = 0;
  let line = 1;
  let root: XmlElement | undefined;
  const stack: XmlElement[] = [];

  const advance = (to: number) => {
    for (let i = pos; i < to; i++) if (text[i] === '\n') line++;
    pos = to;
  };
  const expectEnd = (terminator: string, what: string): number => {
    const end = text.indexOf(terminator, pos);
    if (end < 0) throw new XmlError(`unterminated ${what}`, line);
    return end;
  };

  if (text.startsWith('<?xml')) {
    const end = expectEnd('?>', 'XML declaration');
    if (
      !/^<\?xml\s+version="1\.[0-9]"(\s+encoding="[A-Za-z][\w.-]*")?(\s+standalone="(yes|no)")?\s*$/.test(
        text.slice(0, end),
      )
    ) {
      throw new XmlError('malformed XML declaration', line);
    }
    advance(end + 2);
  }

  while (pos < text.length) {
    if (text.startsWith('<!--', pos)) {
      const end = expectEnd('-->', 'comment');
      if (text.slice(pos + 4, end).includes('--')) throw new XmlError('"--" inside a comment', line);
      advance(end + 3);
    } else if (text.startsWith('<![CDATA[', pos)) {
      if (!stack.length) throw new XmlError('CDATA outside the root element', line);
      const end = expectEnd(']]>', 'CDATA section');
      stack[stack.length - 1].text += text.slice(pos + 9, end);
      advance(end + 3);
    } else if (text.startsWith('<!', pos)) {
      throw new XmlError('DTDs and declarations are not allowed', line);
    } else if (text.startsWith('<?', pos)) {
      if (text.startsWith('<?xml', pos) && /^<\?xml\s/.test(text.slice(pos, pos + 6)))
        throw new XmlError('XML declaration not at the start', line);
      advance(expectEnd('?>', 'processing instruction') + 2);
    } else if (text.startsWith('</', pos)) {
      const name = NAME.exec(text.slice(pos + 2))?.[0];
      if (!name) throw new XmlError('malformed end tag', line);
      const rest = /^\s*>/.exec(text.slice(pos + 2 + name.length));
      if (!rest) throw new XmlError(`malformed end tag </${name}`, line);
      const open = stack.pop();
      if (!open) throw new XmlError(`end tag </${name}> without a start tag`, line);
      if (open.name !== name)
        throw new XmlError(`</${name}> closes <${open.name}> (opened on line ${open.line})`, line);
      advance(pos + 2 + name.length + rest[0].length);
    } else if (text[pos] === '<') {
      const { element, selfClosing } = readStartTag();
      if (stack.length) stack[stack.length - 1].children.push(element);
      else if (root) throw new XmlError(`second root element <${element.name}>`, element.line);
      else root = element;
      if (!selfClosing) stack.push(element);
    } else {
      const next = text.indexOf('<', pos);
      const end = next < 0 ? text.length : next;
      const chunk = text.slice(pos, end);
      if (chunk.includes(']]>')) throw new XmlError('"]]>" in text', line);
      if (!stack.length) {
        if (chunk.trim()) throw new XmlError('text outside the root element', line);
      } else {
        stack[stack.length - 1].text += decode(chunk, line);
      }
      advance(end);
    }
  }
  if (stack.length)
    throw new XmlError(
      `<${stack[stack.length - 1].name}> (line ${stack[stack.length - 1].line}) is never closed`,
      line,
    );
  if (!root) throw new XmlError('no root element', line);
  checkNamespaces(root, new Set(['xml', 'xmlns']));
  return root;

  function readStartTag(): { element: XmlElement; selfClosing: boolean } {
    const startLine = line;
    const name = NAME.exec(text.slice(pos + 1))?.[0];
    if (!name) throw new XmlError('malformed start tag', line);
    advance(pos + 1 + name.length);
    const attributes: Record<string, string> = {};
    for (;;) {
      const space = /^\s*/.exec(text.slice(pos))![0];
      advance(pos + space.length);
      if (text.startsWith('/>', pos) || text[pos] === '>') break;
      if (!space) throw new XmlError(`attributes of <${name}> must be separated by whitespace`, line);
      const attr = /^([A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?)\s*=\s*("([^"<]*)"|'([^'<]*)')/.exec(
        text.slice(pos),
      );
      if (!attr) throw new XmlError(`malformed attribute in <${name}>`, line);
      if (attr[1] in attributes) throw new XmlError(`duplicate attribute ${attr[1]} in <${name}>`, line);
      attributes[attr[1]] = decode(attr[3] ?? attr[4], line);
      advance(pos + attr[0].length);
    }
    const selfClosing = text.startsWith('/>', pos);
    advance(pos + (selfClosing ? 2 : 1));
    const local = name.includes(':') ? name.split(':')[1] : name;
    return { element: { name, local, attributes, children: [], text: '', line: startLine }, selfClosing };
  }
}

function checkNamespaces(element: XmlElement, inScope: Set<string>): void {
  const scope = new Set(inScope);
  for (const attr of Object.keys(element.attributes)) if (attr.startsWith('xmlns:')) scope.add(attr.slice(6));
  const prefixOf = (name: string) => (name.includes(':') ? name.split(':')[0] : undefined);
  const used = [
    prefixOf(element.name),
    ...Object.keys(element.attributes)
      .filter((a) => !a.startsWith('xmlns'))
      .map(prefixOf),
  ];
  for (const prefix of used) {
    if (prefix !== undefined && !scope.has(prefix))
      throw new XmlError(`namespace prefix "${prefix}" is not declared`, element.line);
  }
  for (const child of element.children) checkNamespaces(child, scope);
}

/** Every element below (and including) `element`, depth first. */
export function descendants(element: XmlElement): XmlElement[] {
  return [element, ...element.children.flatMap(descendants)];
}

/** The children of `element` with this local name. */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((c) => c.local === local);
}

/** The one child with this local name; throws when there is none or more than one. */
export function child(element: XmlElement, local: string): XmlElement {
  const found = childrenNamed(element, local);
  if (found.length !== 1)
    throw new Error(
      `<${element.name}> (line ${element.line}) has ${found.length} <${local}> children, expected 1`,
    );
  return found[0];
}

/**
 * Children out of the order `order` (local names, as Microsoft's manifest element ordering lists them) or not in it
 * at all: an empty list when the children are in order. Repeats of one element are allowed where they are adjacent.
 */
export function orderViolations(element: XmlElement, order: readonly string[]): string[] {
  const problems: string[] = [];
  let last = -1;
  for (const c of element.children) {
    const index = order.indexOf(c.local);
    if (index < 0) problems.push(`<${c.name}> (line ${c.line}) is not a valid child of <${element.name}>`);
    else if (index < last)
      problems.push(`<${c.name}> (line ${c.line}) must come before <${order[last]}> in <${element.name}>`);
    else last = index;
  }
  return problems;
}
