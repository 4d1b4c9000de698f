/**
 * The pane's colours (issue 11: it ignored the Office theme and stayed white in dark mode). The contrast maths is
 * pinned to WCAG 2.x's published values; Fluent's light and dark palettes must meet AA as they are; an Office theme
 * keeps Office's own body and control colours wherever they are readable, and whatever colours Office reports,
 * every text and control boundary ends up at AA (fast-check over arbitrary colours). The browser test measures the
 * rendered page with its own implementation of the same maths.
 */
import fc from 'fast-check';
import { readFileSync } from 'fs';
import { join } from 'path';
import {
  applyTheme,
  chooseTheme,
  CONTRAST_PAIRS,
  contrastRatio,
  DARK,
  ensureContrast,
  LIGHT,
  officeTheme,
  parseHex,
  readOfficeColors,
  relativeLuminance,
  systemTheme,
  type OfficeThemeColors,
  type Tokens,
} from '../../src/taskpane/theme';

/** Every pair below its minimum, as "fg on bg = ratio". */
function failures(tokens: Tokens): string[] {
  const out: string[] = [];
  for (const pair of CONTRAST_PAIRS)
    for (const bg of pair.bg) {
      const ratio = contrastRatio(tokens[pair.fg], tokens[bg]);
      if (ratio < pair.min)
        out.push(`${pair.fg} ${tokens[pair.fg]} on ${bg} ${tokens[bg]} = ${ratio.toFixed(2)}`);
    }
  return out;
}

/**
 * Office theme colours as quoted in OfficeDev/office-ui-fabric-core#732 (White, Colorful, Dark Gray); Black's are
 * assumed (the issue predates it).
 */
const OFFICE: Record<string, OfficeThemeColors> = {
  White: {
    bodyBackgroundColor: '#ffffff',
    bodyForegroundColor: '#444444',
    controlBackgroundColor: '#fdfdfd',
    controlForegroundColor: '#444444',
    isDarkTheme: false,
  },
  Colorful: {
    bodyBackgroundColor: '#e6e6e6',
    bodyForegroundColor: '#444444',
    controlBackgroundColor: '#fdfdfd',
    controlForegroundColor: '#444444',
    isDarkTheme: false,
  },
  'Dark Gray': {
    bodyBackgroundColor: '#6a6a6a',
    bodyForegroundColor: '#f0f0f0',
    controlBackgroundColor: '#d4d4d4',
    controlForegroundColor: '#262626',
    isDarkTheme: true,
  },
  Black: {
    bodyBackgroundColor: '#262626',
    bodyForegroundColor: '#ffffff',
    controlBackgroundColor: '#363636',
    controlForegroundColor: '#ffffff',
    isDarkTheme: true,
  },
};

describe('WCAG 2.x contrast', () => {
  it('gives the published values', () => {
    expect(relativeLuminance('#ffffff')).toBe(1);
    expect(relativeLuminance('#000000')).toBe(0);
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 10);
    expect(contrastRatio('#ffffff', '#000000')).toBeCloseTo(21, 10);
    expect(contrastRatio('#123456', '#123456')).toBe(1);
    // The classic AA boundary greys on white (WebAIM): #767676 passes at 4.54:1, #777777 fails at 4.48:1.
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });

  it('reads hex colours only', () => {
    expect(parseHex('#0F6CBD')).toEqual([15, 108, 189]);
    expect(parseHex('fff')).toEqual([255, 255, 255]);
    for (const bad of ['red', '#12345', 'rgb(0,0,0)', '', null, 42]) expect(parseHex(bad)).toBeNull();
  });

  it('moves a colour only as far as needed, toward black or white', () => {
    expect(ensureContrast('#242424', ['#ffffff'], 4.5)).toBe('#242424');
    const moved = ensureContrast('#777777', ['#ffffff'], 4.5);
    expect(contrastRatio(moved, '#ffffff')).toBeGreaterThanOrEqual(4.5);
    expect(relativeLuminance(moved)).toBeLessThan(relativeLuminance('#777777'));
    expect(contrastRatio(moved, '#ffffff')).toBeLessThan(6);
  });
});

describe('Fluent palettes (outside Office: prefers-color-scheme)', () => {
  it.each([
    ['light', LIGHT],
    ['dark', DARK],
  ] as const)('%s meets every AA pair as it is', (_, palette) => {
    expect(failures(palette)).toEqual([]);
  });

  it('takes the palette for the scheme, unchanged', () => {
    expect(systemTheme(false)).toEqual({ mode: 'light', source: 'system', tokens: LIGHT });
    expect(systemTheme(true)).toEqual({ mode: 'dark', source: 'system', tokens: DARK });
  });
});

describe('the Office theme', () => {
  it.each(Object.entries(OFFICE))("%s: keeps Office's body and control colours and meets AA", (_, colors) => {
    const theme = officeTheme(colors);
    expect(theme.source).toBe('office');
    expect(theme.mode).toBe(colors.isDarkTheme ? 'dark' : 'light');
    expect(theme.tokens.bg2).toBe(colors.bodyBackgroundColor);
    expect(theme.tokens.fg1).toBe(colors.bodyForegroundColor);
    expect(theme.tokens.controlBg).toBe(colors.controlBackgroundColor);
    expect(theme.tokens.controlFg).toBe(colors.controlForegroundColor);
    expect(failures(theme.tokens)).toEqual([]);
  });

  it('wins over the system scheme when Office gives one; otherwise the scheme decides', () => {
    expect(chooseTheme(OFFICE.White, true).mode).toBe('light');
    expect(chooseTheme(OFFICE.Black, false).mode).toBe('dark');
    expect(chooseTheme(undefined, true)).toEqual(systemTheme(true));
    // Missing or unreadable colours (an older host, Outlook's shape): the system theme.
    expect(chooseTheme({ bodyBackgroundColor: '#262626' }, false)).toEqual(systemTheme(false));
    expect(chooseTheme({ ...OFFICE.Black, controlForegroundColor: 'white' }, true)).toEqual(
      systemTheme(true),
    );
  });

  it('tells dark from light by the colours when isDarkTheme is missing', () => {
    const withoutFlag = (c: OfficeThemeColors) =>
      Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'isDarkTheme'));
    const black = withoutFlag(OFFICE.Black);
    const colorful = withoutFlag(OFFICE.Colorful);
    expect(readOfficeColors(black)).not.toHaveProperty('isDarkTheme');
    expect(officeTheme(readOfficeColors(black)!).mode).toBe('dark');
    expect(officeTheme(readOfficeColors(colorful)!).mode).toBe('light');
  });

  it('meets AA whatever colours Office reports', () => {
    const colour = fc
      .tuple(
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 0, max: 255 }),
      )
      .map((rgb) => `#${rgb.map((c) => c.toString(16).padStart(2, '0')).join('')}`);
    fc.assert(
      fc.property(
        colour,
        colour,
        colour,
        colour,
        fc.option(fc.boolean()),
        (body, fg, control, controlFg, dark) => {
          const colors: OfficeThemeColors = {
            bodyBackgroundColor: body,
            bodyForegroundColor: fg,
            controlBackgroundColor: control,
            controlForegroundColor: controlFg,
            ...(dark === null ? {} : { isDarkTheme: dark }),
          };
          expect(failures(officeTheme(colors).tokens)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('applying a theme', () => {
  it('sets every colour the stylesheet uses, and color-scheme', () => {
    const set = new Map<string, string>();
    const root = {
      style: { setProperty: (k: string, v: string) => set.set(k, v) },
      dataset: {} as DOMStringMap,
    };
    applyTheme(root as unknown as HTMLElement, officeTheme(OFFICE.Black));
    expect(set.get('color-scheme')).toBe('dark');
    expect(set.get('--kc-bg2')).toBe('#262626');
    expect(root.dataset).toEqual({ theme: 'dark', themeSource: 'office' });
    const css = readFileSync(join(__dirname, '../../src/taskpane/taskpane.css'), 'utf8');
    const defined = new Set(css.match(/--kc-[a-z0-9-]+(?=:)/g));
    const used = new Set(css.match(/(?<=var\()--kc-[a-z0-9-]+/g));
    const missing = [...used].filter((v) => !set.has(v) && !defined.has(v));
    expect(missing).toEqual([]);
    // And no colour is written in the stylesheet itself: the theme owns them all.
    expect(css.replace(/\/\*[\s\S]*?\*\//g, '').match(/#[0-9a-f]{3,6}\b|rgba?\(/gi) ?? []).toEqual([]);
  });
});
