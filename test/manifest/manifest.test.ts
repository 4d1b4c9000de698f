/**
 * Offline checks of manifest.xml (`npm run validate` runs Microsoft's online validator): well-formed XML, elements in
 * the order Office requires (Microsoft's "manifest element ordering" for task pane add-ins), every resid defined and
 * every resource used, https URLs that the build serves, a GUID id, the shared runtime, the KC namespace, the ribbon
 * button and the icons; and the production build's URL rewrite.
 */
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { inflateSync } from 'zlib';
import { crc32, drawIcon, ICON_SIZES } from '../../scripts/make-icons';
import {
  child,
  childrenNamed,
  descendants,
  orderViolations,
  parseXml,
  XmlError,
  type XmlElement,
} from './xml';

const ROOT = join(__dirname, '..', '..');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const DEV_URL = 'https://localhost:3000/';

/** Child order by parent, from Microsoft's manifest element ordering (task pane add-ins and their VersionOverrides). */
const ORDER: Record<string, readonly string[]> = {
  OfficeApp: [
    'Id',
    'AlternateId',
    'Version',
    'ProviderName',
    'DefaultLocale',
    'DisplayName',
    'Description',
    'IconUrl',
    'HighResolutionIconUrl',
    'SupportUrl',
    'AppDomains',
    'Hosts',
    'Requirements',
    'DefaultSettings',
    'Permissions',
    'Dictionary',
    'VersionOverrides',
    'ExtendedOverrides',
  ],
  AppDomains: ['AppDomain'],
  Hosts: ['Host'],
  Requirements: ['Sets', 'Methods'],
  Sets: ['Set'],
  Methods: ['Method'],
  DefaultSettings: ['SourceLocation'],
  VersionOverrides: [
    'Description',
    'Requirements',
    'Hosts',
    'Resources',
    'WebApplicationInfo',
    'EquivalentAddins',
  ],
  'VersionOverrides/Host': ['Runtimes', 'AllFormFactors', 'DesktopFormFactor'],
  Runtimes: ['Runtime'],
  AllFormFactors: ['ExtensionPoint'],
  'ExtensionPoint:CustomFunctions': ['Script', 'Page', 'Metadata', 'Namespace'],
  Script: ['SourceLocation'],
  Page: ['SourceLocation'],
  Metadata: ['SourceLocation'],
  DesktopFormFactor: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
  GetStarted: ['Title', 'Description', 'LearnMoreUrl'],
  'ExtensionPoint:PrimaryCommandSurface': ['OfficeTab', 'CustomTab', 'OfficeMenu'],
  OfficeTab: ['Group'],
  CustomTab: ['Group', 'ControlGroup', 'Label', 'InsertAfter', 'InsertBefore'],
  Group: ['OverriddenByRibbonApi', 'Label', 'Icon', 'Control'],
  Icon: ['Image'],
  Control: ['OverriddenByRibbonApi', 'Label', 'Supertip', 'Icon', 'Action', 'Enabled', 'Items'],
  Supertip: ['Title', 'Description'],
  Action: ['TaskpaneId', 'SourceLocation', 'Title', 'FunctionName'],
  Resources: ['Images', 'Urls', 'ShortStrings', 'LongStrings'],
  Images: ['Image'],
  Urls: ['Url'],
  ShortStrings: ['String'],
  LongStrings: ['String'],
};

/** The resource collection a resid on this element must point into. */
const RESID_KIND: Record<string, string> = {
  Image: 'Images',
  SourceLocation: 'Urls',
  FunctionFile: 'Urls',
  Runtime: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Namespace: 'ShortStrings',
  Description: 'LongStrings',
};

const XSI_TYPE = 'xsi:type';

/** The order list for an element's children, by its name and context; undefined for an unexpected parent. */
function orderFor(element: XmlElement, parent?: XmlElement): readonly string[] | undefined {
  if (element.local === 'ExtensionPoint') return ORDER[`ExtensionPoint:${element.attributes[XSI_TYPE]}`];
  if (element.local === 'Host' && parent?.local === 'Hosts' && element.attributes[XSI_TYPE])
    return ORDER['VersionOverrides/Host'];
  return ORDER[element.local];
}

/** Every ordering problem in the document. */
function orderProblems(root: XmlElement): string[] {
  const problems: string[] = [];
  const walk = (element: XmlElement, parent?: XmlElement) => {
    if (element.children.length) {
      const order = orderFor(element, parent);
      if (!order) problems.push(`<${element.name}> (line ${element.line}) should have no child elements`);
      else problems.push(...orderViolations(element, order));
    }
    for (const c of element.children) walk(c, element);
  };
  walk(root);
  return problems;
}

interface Resource {
  kind: string;
  id: string;
  value: string;
}

function resources(root: XmlElement): Resource[] {
  const collections = child(child(root, 'VersionOverrides'), 'Resources').children;
  return collections.flatMap((collection) =>
    collection.children.map((r) => ({
      kind: collection.local,
      id: r.attributes.id,
      value: r.attributes.DefaultValue,
    })),
  );
}

/** resids that are undefined or of the wrong kind, and resources nothing uses. */
function resourceProblems(root: XmlElement): string[] {
  const defined = resources(root);
  const problems: string[] = [];
  const used = new Set<string>();
  for (const element of descendants(root)) {
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    used.add(resid);
    const kind = RESID_KIND[element.local];
    const target = defined.find((r) => r.id === resid);
    if (!target) problems.push(`resid "${resid}" on <${element.name}> (line ${element.line}) is not defined`);
    else if (target.kind !== kind)
      problems.push(`resid "${resid}" on <${element.name}> is a ${target.kind} resource, not ${kind}`);
  }
  for (const r of defined) if (!used.has(r.id)) problems.push(`resource "${r.id}" is never used`);
  const ids = defined.map((r) => r.id);
  for (const id of ids) {
    if (ids.indexOf(id) !== ids.lastIndexOf(id)) problems.push(`resource id "${id}" is defined twice`);
    if (id.length > 32) problems.push(`resource id "${id}" is longer than 32 characters`);
  }
  return [...new Set(problems)];
}

/** Every URL the manifest declares: element and attribute values that Office will load. */
function urls(root: XmlElement): { where: string; url: string }[] {
  const urlElements = ['IconUrl', 'HighResolutionIconUrl', 'SupportUrl', 'SourceLocation', 'Image', 'Url'];
  const found = descendants(root)
    .filter((e) => urlElements.includes(e.local) && e.attributes.DefaultValue !== undefined)
    .map((e) => ({ where: `<${e.name} ${e.attributes.id ?? ''}>`, url: e.attributes.DefaultValue }));
  for (const domain of descendants(root).filter((e) => e.local === 'AppDomain'))
    found.push({ where: '<AppDomain>', url: domain.text.trim() });
  return found;
}

const resource = (root: XmlElement, id: string) => resources(root).find((r) => r.id === id);

/** Files the webpack build emits at each dev URL path, by the source that produces them. */
const BUILT: Record<string, string> = {
  'taskpane.html': 'src/taskpane/taskpane.html',
  'help.html': 'src/taskpane/help.html',
  'functions.js': 'src/functions/functions.ts',
  'functions.json': 'src/functions/functions.ts',
};

let root: XmlElement;

beforeAll(() => {
  root = parseXml(MANIFEST);
});

describe('the XML reader', () => {
  it.each([
    ['<a><b></a></b>', /<\/a> closes <b>/],
    ['<a>', /never closed/],
    ['<a></a><b/>', /second root/],
    ['<a x="1" x="2"/>', /duplicate attribute/],
    ['<a x=1/>', /malformed attribute/],
    ['<a x="1"y="2"/>', /separated by whitespace/],
    ['<a>&nbsp;</a>', /unknown entity/],
    ['<a>fish & chips</a>', /bare "&"/],
    ['text<a/>', /text outside the root/],
    ['<p:a/>', /prefix "p" is not declared/],
    ['<a><!-- a -- b --></a>', /"--" inside a comment/],
    ['<!DOCTYPE a><a/>', /DTDs/],
    ['', /no root element/],
    ['</a>', /without a start tag/],
    ['<a/>\n<?xml version="1.0"?>', /not at the start/],
  ])('rejects %j', (xml, message) => {
    expect(() => parseXml(xml)).toThrow(XmlError);
    expect(() => parseXml(xml)).toThrow(message);
  });

  it('reads names, attributes, entities, text and nesting', () => {
    const doc = parseXml(
      '<?xml version="1.0" encoding="UTF-8"?>\n<!-- c --><r xmlns:bt="x"><bt:i id="a&amp;b" v=\'1\'/><t>x &lt; y<![CDATA[<z>]]></t></r>',
    );
    expect(doc.name).toBe('r');
    expect(doc.children.map((c) => [c.name, c.local])).toEqual([
      ['bt:i', 'i'],
      ['t', 't'],
    ]);
    expect(doc.children[0].attributes).toEqual({ id: 'a&b', v: '1' });
    expect(doc.children[1].text).toBe('x < y<z>');
  });
});

describe('manifest.xml', () => {
  it('is well-formed XML with a TaskPaneApp <OfficeApp> root and the Office namespaces', () => {
    expect(root.name).toBe('OfficeApp');
    expect(root.attributes.xmlns).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.attributes['xmlns:bt']).toBe('http://schemas.microsoft.com/office/officeappbasictypes/1.0');
    expect(root.attributes['xmlns:xsi']).toBe('http://www.w3.org/2001/XMLSchema-instance');
    expect(root.attributes[XSI_TYPE]).toBe('TaskPaneApp');
    const vo = child(root, 'VersionOverrides');
    expect(vo.attributes.xmlns).toBe('http://schemas.microsoft.com/office/taskpaneappversionoverrides');
    expect(vo.attributes[XSI_TYPE]).toBe('VersionOverridesV1_0');
  });

  it('has its elements in the order Office requires, at every level', () => {
    expect(orderProblems(root)).toEqual([]);
    for (const required of [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'Hosts',
      'DefaultSettings',
      'Permissions',
    ]) {
      expect(childrenNamed(root, required)).toHaveLength(1);
    }
  });

  it('fails the order check when elements are out of order or misplaced', () => {
    const swapped = MANIFEST.replace(/(\s*<Id>.*<\/Id>)(\s*<Version>.*<\/Version>)/, '$2$1');
    expect(swapped).not.toBe(MANIFEST);
    expect(orderProblems(parseXml(swapped))).toEqual([
      expect.stringMatching(/<Id> .* must come before <Version> in <OfficeApp>/),
    ]);
    const misplaced = MANIFEST.replace('<Permissions>ReadWriteDocument</Permissions>', '').replace(
      '</DefaultSettings>',
      '</DefaultSettings><Permissions>ReadWriteDocument</Permissions><AppDomains/>',
    );
    expect(orderProblems(parseXml(misplaced))).toEqual([
      expect.stringMatching(/<AppDomains> .* must come before <Permissions>/),
    ]);
    const nested = MANIFEST.replace(
      '<Namespace resid="Functions.Namespace"/>',
      '<Namespace resid="Functions.Namespace"/><Script/>',
    );
    expect(orderProblems(parseXml(nested))).toEqual([
      expect.stringMatching(/<Script> .* must come before <Namespace>/),
    ]);
  });

  it('has a GUID id and a four-part version', () => {
    expect(child(root, 'Id').text.trim()).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(child(root, 'Version').text.trim()).toMatch(/^\d+(\.\d+){3}$/);
  });

  it('defines every resid, with the right kind of resource, and uses every resource', () => {
    expect(resourceProblems(root)).toEqual([]);
    const broken = MANIFEST.replace(/\s*<bt:String id="KC.Group.Label"[^>]*\/>/, '');
    expect(resourceProblems(parseXml(broken))).toEqual([
      `resid "KC.Group.Label" on <Label> (line ${lineOf(broken, 'resid="KC.Group.Label"')}) is not defined`,
    ]);
    const wrongKind = MANIFEST.replace(
      '<Namespace resid="Functions.Namespace"/>',
      '<Namespace resid="Taskpane.Url"/>',
    );
    expect(resourceProblems(parseXml(wrongKind))).toEqual([
      'resid "Taskpane.Url" on <Namespace> is a Urls resource, not ShortStrings',
      'resource "Functions.Namespace" is never used',
    ]);
  });

  it('keeps strings within Office limits', () => {
    for (const r of resources(root)) {
      if (r.kind === 'ShortStrings') expect(r.value.length).toBeLessThanOrEqual(125);
      if (r.kind === 'LongStrings') expect(r.value.length).toBeLessThanOrEqual(250);
    }
    expect(child(root, 'DisplayName').attributes.DefaultValue.length).toBeLessThanOrEqual(125);
    expect(child(root, 'Description').attributes.DefaultValue.length).toBeLessThanOrEqual(250);
  });

  it('uses https URLs only, on the dev server, each served by the build', () => {
    const all = urls(root);
    expect(all.length).toBeGreaterThan(5);
    for (const { url } of all) {
      expect(url).toMatch(/^https:\/\//);
      expect(url.startsWith(DEV_URL)).toBe(true);
      const path = url.slice(DEV_URL.length);
      if (path.startsWith('assets/')) expect(existsSync(join(ROOT, path))).toBe(true);
      else expect(existsSync(join(ROOT, BUILT[path] ?? `missing build output for ${path}`))).toBe(true);
    }
  });

  it('runs the task pane and the custom functions in one long-lived shared runtime', () => {
    const requirement = descendants(child(root, 'Requirements')).find(
      (e) => e.local === 'Set' && e.attributes.Name === 'SharedRuntime',
    );
    expect(requirement?.attributes.MinVersion).toBe('1.1');
    const host = child(child(child(root, 'VersionOverrides'), 'Hosts'), 'Host');
    expect(host.attributes[XSI_TYPE]).toBe('Workbook');
    const runtime = child(child(host, 'Runtimes'), 'Runtime');
    expect(runtime.attributes.lifetime).toBe('long');
    const runtimeUrl = runtime.attributes.resid;
    const functionsPoint = child(child(host, 'AllFormFactors'), 'ExtensionPoint');
    expect(functionsPoint.attributes[XSI_TYPE]).toBe('CustomFunctions');
    expect(child(child(functionsPoint, 'Page'), 'SourceLocation').attributes.resid).toBe(runtimeUrl);
    expect(
      resource(root, child(child(functionsPoint, 'Script'), 'SourceLocation').attributes.resid)?.value,
    ).toBe(`${DEV_URL}functions.js`);
    expect(
      resource(root, child(child(functionsPoint, 'Metadata'), 'SourceLocation').attributes.resid)?.value,
    ).toBe(`${DEV_URL}functions.json`);
    const desktop = child(host, 'DesktopFormFactor');
    expect(child(desktop, 'FunctionFile').attributes.resid).toBe(runtimeUrl);
    const actions = descendants(desktop).filter((e) => e.local === 'Action');
    expect(actions.length).toBeGreaterThan(0);
    for (const action of actions) expect(child(action, 'SourceLocation').attributes.resid).toBe(runtimeUrl);
    expect(resource(root, runtimeUrl)?.value).toBe(`${DEV_URL}taskpane.html`);
    expect(child(child(root, 'DefaultSettings'), 'SourceLocation').attributes.DefaultValue).toBe(
      `${DEV_URL}taskpane.html`,
    );
  });

  it('puts the functions in the KC namespace', () => {
    const namespace = descendants(root).find((e) => e.local === 'Namespace');
    expect(resource(root, namespace!.attributes.resid)?.value).toBe('KC');
  });

  it('asks for ReadWriteDocument in Excel (Workbook)', () => {
    expect(child(root, 'Permissions').text.trim()).toBe('ReadWriteDocument');
    expect(childrenNamed(child(root, 'Hosts'), 'Host').map((h) => h.attributes.Name)).toEqual(['Workbook']);
  });

  it('has a ribbon button that opens the task pane, with 16, 32 and 80 px icons', () => {
    const surface = descendants(root).find(
      (e) => e.local === 'ExtensionPoint' && e.attributes[XSI_TYPE] === 'PrimaryCommandSurface',
    );
    const buttons = descendants(surface!).filter(
      (e) => e.local === 'Control' && e.attributes[XSI_TYPE] === 'Button',
    );
    expect(buttons).toHaveLength(1);
    expect(child(buttons[0], 'Action').attributes[XSI_TYPE]).toBe('ShowTaskpane');
    for (const icon of descendants(surface!).filter((e) => e.local === 'Icon')) {
      const images = childrenNamed(icon, 'Image');
      expect(images.map((i) => i.attributes.size)).toEqual(['16', '32', '80']);
      for (const image of images)
        expect(resource(root, image.attributes.resid)?.value).toBe(
          `${DEV_URL}assets/icon-${image.attributes.size}.png`,
        );
    }
    expect(child(root, 'IconUrl').attributes.DefaultValue).toBe(`${DEV_URL}assets/icon-32.png`);
    expect(child(root, 'HighResolutionIconUrl').attributes.DefaultValue).toBe(`${DEV_URL}assets/icon-64.png`);
  });
});

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

/** A PNG's size and its raw RGBA pixels (checks signature, chunk CRCs, RGBA 8-bit, filter 0 rows). */
function readPng(file: Buffer): { width: number; height: number; rgba: Buffer } {
  expect(file.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  let pos = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (pos < file.length) {
    const length = file.readUInt32BE(pos);
    const type = file.toString('ascii', pos + 4, pos + 8);
    const body = file.subarray(pos + 8, pos + 8 + length);
    expect(file.readUInt32BE(pos + 8 + length)).toBe(crc32(file.subarray(pos + 4, pos + 8 + length)));
    if (type === 'IHDR') header = body;
    if (type === 'IDAT') data.push(body);
    pos += 12 + length;
  }
  const width = header!.readUInt32BE(0);
  const height = header!.readUInt32BE(4);
  expect([...header!.subarray(8)]).toEqual([8, 6, 0, 0, 0]);
  const rows = inflateSync(Buffer.concat(data));
  expect(rows.length).toBe(height * (width * 4 + 1));
  const rgba = Buffer.alloc(width * height * 4);
  for (let y = 0; y < height; y++) {
    expect(rows[y * (width * 4 + 1)]).toBe(0);
    rows.copy(rgba, y * width * 4, y * (width * 4 + 1) + 1, (y + 1) * (width * 4 + 1));
  }
  return { width, height, rgba };
}

describe('icons', () => {
  it.each(ICON_SIZES.map((s) => [s]))(
    'assets/icon-%i.png is a valid PNG of that size, as scripts/make-icons.ts draws it',
    (size) => {
      const png = readPng(readFileSync(join(ROOT, 'assets', `icon-${size}.png`)));
      expect([png.width, png.height]).toEqual([size, size]);
      expect(png.rgba.equals(drawIcon(size))).toBe(true);
    },
  );
});

describe('the production base URL', () => {
  type Transform = (content: Buffer) => Buffer | string;
  const manifestTransform = async (env: Record<string, unknown>, mode: string): Promise<Transform> => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const configure = require(join(ROOT, 'webpack.config.js')) as (
      env: unknown,
      options: unknown,
    ) => Promise<{ plugins: object[] }>;
    const config = await configure({ WEBPACK_BUILD: true, ...env }, { mode });
    const copy = config.plugins.find((p) => p.constructor.name === 'CopyPlugin') as {
      patterns: { from: string; transform?: Transform }[];
    };
    return copy.patterns.find((p) => p.from === 'manifest*.xml')!.transform!;
  };

  it('rewrites every dev URL in the copied manifest, which stays valid', async () => {
    const transform = await manifestTransform({ url: 'https://research.example.com/kc' }, 'production');
    const rewritten = String(transform(Buffer.from(MANIFEST)));
    expect(rewritten).not.toContain('localhost');
    const doc = parseXml(rewritten);
    expect(orderProblems(doc)).toEqual([]);
    expect(resourceProblems(doc)).toEqual([]);
    for (const { url } of urls(doc)) expect(url.startsWith('https://research.example.com/kc/')).toBe(true);
    expect(urls(doc)).toHaveLength(urls(root).length);
  });

  it('reads KC_ADDIN_URL, leaves development builds alone and refuses a non-https URL', async () => {
    const saved = process.env.KC_ADDIN_URL;
    process.env.KC_ADDIN_URL = 'https://kc.example.org/';
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      expect(String((await manifestTransform({}, 'production'))(Buffer.from(MANIFEST)))).toContain(
        'https://kc.example.org/taskpane.html',
      );
      expect(String((await manifestTransform({}, 'development'))(Buffer.from(MANIFEST)))).toBe(MANIFEST);
      await expect(manifestTransform({ url: 'http://kc.example.org/' }, 'production')).rejects.toThrow(
        /https/,
      );
      delete process.env.KC_ADDIN_URL;
      expect(String((await manifestTransform({}, 'production'))(Buffer.from(MANIFEST)))).toBe(MANIFEST);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/KC_ADDIN_URL not set/));
    } finally {
      warn.mockRestore();
      if (saved === undefined) delete process.env.KC_ADDIN_URL;
      else process.env.KC_ADDIN_URL = saved;
    }
  });
});
