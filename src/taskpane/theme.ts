/**
 * The pane's colours. Outside Office (or when Office gives no theme) they are Fluent 2's light or dark palette, as
 * the `prefers-color-scheme` media query says; in Office they follow `Office.context.officeTheme` (the body and
 * control colours and `isDarkTheme`), so the pane matches the White, Colorful, Dark Gray and Black themes. Office's
 * colours are taken as given, but every text colour is checked against each surface it sits on (WCAG 2.x AA: 4.5:1
 * for text, 3:1 for control borders) and moved toward black or white until it passes, because no theme's
 * colours are promised to meet AA with ours. Pure colour maths plus one function that sets the result as CSS custom
 * properties; taskpane.ts reads the Office global and the media query.
 */

/** The colours one theme sets, as CSS custom properties `--kc-<name>` (taskpane.css uses only these). */
export interface Tokens {
  /** Surfaces: header, card and footer; the page; badges and pending inputs. */
  bg1: string;
  bg2: string;
  bg3: string;
  /** Text: main, secondary, tertiary (hints, labels of figures). */
  fg1: string;
  fg2: string;
  fg3: string;
  fgDisabled: string;
  bgDisabled: string;
  /** Inputs, the scenario picker and secondary buttons. */
  controlBg: string;
  controlFg: string;
  controlHover: string;
  controlPressed: string;
  stroke1: string;
  stroke1Hover: string;
  stroke2: string;
  /** A control's bottom border: its boundary against the page (3:1). */
  strokeAccessible: string;
  strokeFocus: string;
  /** The primary button and the progress bar; onBrand is the text on it. */
  brand: string;
  brandHover: string;
  brandPressed: string;
  onBrand: string;
  /** Brand-coloured text on a surface: the target price, the "changed" dot. */
  brandFg: string;
  /** Tinted boxes, each with its own text colour: the Workbook badge and the info, success, warning and error notices. */
  brandBg2: string;
  brandBg2Fg: string;
  infoStroke: string;
  infoFg: string;
  successBg: string;
  successStroke: string;
  successFg: string;
  warningBg: string;
  warningStroke: string;
  warningFg: string;
  dangerBg: string;
  dangerStroke: string;
  dangerTintFg: string;
  /** A field's error text, on the page. */
  dangerFg: string;
  /** An invalid input's border (3:1 against the page). */
  dangerSolid: string;
  /** The charts' bars on their card (3:1, WCAG 1.4.11): a rise, a fall, a total (a starting or final value). */
  chartUp: string;
  chartDown: string;
  chartTotal: string;
  shadow: string;
}

export type ThemeMode = 'light' | 'dark';

/** A theme to apply: its mode (for `color-scheme`), where it came from, and its colours. */
export interface Theme {
  mode: ThemeMode;
  source: 'office' | 'system';
  tokens: Tokens;
}

/** The four colours of `Office.context.officeTheme` and its dark flag (`isDarkTheme` may be missing on older hosts). */
export interface OfficeThemeColors {
  bodyBackgroundColor: string;
  bodyForegroundColor: string;
  controlBackgroundColor: string;
  controlForegroundColor: string;
  isDarkTheme?: boolean;
}

/** WCAG 2.x AA: normal text. */
export const TEXT_CONTRAST = 4.5;
/** WCAG 2.x AA (1.4.11): the boundary of a control. */
export const UI_CONTRAST = 3;

/** Fluent 2 web light (webLightTheme's neutral, brand and status tokens). */
export const LIGHT: Tokens = {
  bg1: '#ffffff',
  bg2: '#fafafa',
  bg3: '#f5f5f5',
  fg1: '#242424',
  fg2: '#424242',
  fg3: '#616161',
  fgDisabled: '#bdbdbd',
  bgDisabled: '#f0f0f0',
  controlBg: '#ffffff',
  controlFg: '#242424',
  controlHover: '#f5f5f5',
  controlPressed: '#e0e0e0',
  stroke1: '#d1d1d1',
  stroke1Hover: '#c7c7c7',
  stroke2: '#e0e0e0',
  strokeAccessible: '#616161',
  strokeFocus: '#000000',
  brand: '#0f6cbd',
  brandHover: '#115ea3',
  brandPressed: '#0c3b5e',
  onBrand: '#ffffff',
  brandFg: '#0f6cbd',
  brandBg2: '#ebf3fc',
  brandBg2Fg: '#0c3b5e',
  infoStroke: '#b4d6fa',
  infoFg: '#424242',
  successBg: '#f1faf1',
  successStroke: '#9fd89f',
  successFg: '#0e700e',
  warningBg: '#fff9f5',
  warningStroke: '#fdcfb4',
  warningFg: '#8a3707',
  dangerBg: '#fdf3f4',
  dangerStroke: '#eeacb2',
  dangerTintFg: '#b10e1c',
  dangerFg: '#b10e1c',
  dangerSolid: '#c50f1f',
  chartUp: '#107c10',
  chartDown: '#c50f1f',
  chartTotal: '#0f6cbd',
  shadow: '0 0 2px rgba(0, 0, 0, 0.12), 0 2px 4px rgba(0, 0, 0, 0.14)',
};

/** Fluent 2 web dark (webDarkTheme). */
export const DARK: Tokens = {
  bg1: '#292929',
  bg2: '#1f1f1f',
  bg3: '#141414',
  fg1: '#ffffff',
  fg2: '#d6d6d6',
  fg3: '#adadad',
  fgDisabled: '#5c5c5c',
  bgDisabled: '#141414',
  controlBg: '#292929',
  controlFg: '#ffffff',
  controlHover: '#3d3d3d',
  controlPressed: '#1f1f1f',
  stroke1: '#666666',
  stroke1Hover: '#757575',
  stroke2: '#525252',
  strokeAccessible: '#adadad',
  strokeFocus: '#ffffff',
  brand: '#115ea3',
  brandHover: '#0f6cbd',
  brandPressed: '#0c3b5e',
  onBrand: '#ffffff',
  brandFg: '#479ef5',
  brandBg2: '#082338',
  brandBg2Fg: '#96c6fa',
  infoStroke: '#0e4775',
  infoFg: '#d6d6d6',
  successBg: '#052505',
  successStroke: '#107c10',
  successFg: '#54b054',
  warningBg: '#411200',
  warningStroke: '#8a3707',
  warningFg: '#faa06b',
  dangerBg: '#3b0509',
  dangerStroke: '#8e192e',
  dangerTintFg: '#e37d80',
  dangerFg: '#e37d80',
  dangerSolid: '#dc626d',
  chartUp: '#54b054',
  chartDown: '#dc626d',
  chartTotal: '#479ef5',
  shadow: '0 0 2px rgba(0, 0, 0, 0.24), 0 2px 4px rgba(0, 0, 0, 0.28)',
};

/**
 * Which text (or control border) sits on which surfaces, with the contrast it needs. Every theme's tokens meet
 * these; the browser test measures the same pairs on the rendered page.
 */
export const CONTRAST_PAIRS: readonly { fg: keyof Tokens; bg: readonly (keyof Tokens)[]; min: number }[] = [
  { fg: 'fg1', bg: ['bg1', 'bg2', 'bg3'], min: TEXT_CONTRAST },
  { fg: 'fg2', bg: ['bg1', 'bg2', 'bg3'], min: TEXT_CONTRAST },
  { fg: 'fg3', bg: ['bg1', 'bg2', 'bg3'], min: TEXT_CONTRAST },
  { fg: 'brandFg', bg: ['bg1', 'bg2'], min: TEXT_CONTRAST },
  { fg: 'dangerFg', bg: ['bg1', 'bg2'], min: TEXT_CONTRAST },
  { fg: 'controlFg', bg: ['controlBg', 'controlHover', 'controlPressed'], min: TEXT_CONTRAST },
  { fg: 'onBrand', bg: ['brand', 'brandHover', 'brandPressed'], min: TEXT_CONTRAST },
  { fg: 'brandBg2Fg', bg: ['brandBg2'], min: TEXT_CONTRAST },
  { fg: 'infoFg', bg: ['brandBg2'], min: TEXT_CONTRAST },
  { fg: 'successFg', bg: ['successBg'], min: TEXT_CONTRAST },
  { fg: 'warningFg', bg: ['warningBg'], min: TEXT_CONTRAST },
  { fg: 'dangerTintFg', bg: ['dangerBg'], min: TEXT_CONTRAST },
  { fg: 'strokeAccessible', bg: ['bg1', 'bg2'], min: UI_CONTRAST },
  { fg: 'dangerSolid', bg: ['bg1', 'bg2'], min: UI_CONTRAST },
  { fg: 'strokeFocus', bg: ['bg1', 'bg2'], min: UI_CONTRAST },
  { fg: 'chartUp', bg: ['bg1'], min: UI_CONTRAST },
  { fg: 'chartDown', bg: ['bg1'], min: UI_CONTRAST },
  { fg: 'chartTotal', bg: ['bg1'], min: UI_CONTRAST },
];

// ---- colour maths ------------------------------------------------------------------------------------------

type Rgb = readonly [number, number, number];

/** "#RRGGBB", "RRGGBB", "#RGB" (any case) to channels 0-255; null for anything else. */
export function parseHex(text: unknown): Rgb | null {
  if (typeof text !== 'string') return null;
  const m = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(text.trim());
  if (!m) return null;
  const hex = m[1].length === 3 ? [...m[1]].map((c) => c + c).join('') : m[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as unknown as Rgb;
}

const toHex = (rgb: Rgb) =>
  `#${rgb
    .map((c) =>
      Math.round(Math.min(255, Math.max(0, c)))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;

/** WCAG 2.x relative luminance of an sRGB colour. */
export function relativeLuminance(color: string): number {
  const rgb = parseHex(color);
  if (!rgb) throw new Error(`Not a colour: ${color}`);
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.x contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** `a` moved the fraction `t` of the way to `b`, channel by channel. */
export function mix(a: string, b: string, t: number): string {
  const x = parseHex(a)!;
  const y = parseHex(b)!;
  return toHex([0, 1, 2].map((i) => x[i] + (y[i] - x[i]) * t) as unknown as Rgb);
}

const worst = (fg: string, bgs: readonly string[]) => Math.min(...bgs.map((bg) => contrastRatio(fg, bg)));

/**
 * `color` if it has `min` contrast with every background; otherwise the nearest colour toward black or white (in
 * steps of 5%) that has, or, if none has (backgrounds far apart in lightness), the one with the best worst case.
 */
export function ensureContrast(color: string, backgrounds: readonly string[], min: number): string {
  if (worst(color, backgrounds) >= min) return color;
  let best = color;
  for (let step = 1; step <= 20; step++) {
    const candidates = ['#000000', '#ffffff'].map((end) => mix(color, end, step / 20));
    const passing = candidates.filter((c) => worst(c, backgrounds) >= min);
    if (passing.length) return passing.sort((p, q) => worst(q, backgrounds) - worst(p, backgrounds))[0];
    for (const c of candidates) if (worst(c, backgrounds) > worst(best, backgrounds)) best = c;
  }
  return best;
}

// ---- themes ------------------------------------------------------------------------------------------------

/** The system theme (no Office theme): Fluent's palette for the colour scheme the media query reports. */
export function systemTheme(prefersDark: boolean): Theme {
  const mode: ThemeMode = prefersDark ? 'dark' : 'light';
  return { mode, source: 'system', tokens: checked(prefersDark ? DARK : LIGHT) };
}

/** The four colours of an Office theme, or null when any is missing or not a hex colour (then the system theme). */
export function readOfficeColors(theme: unknown): OfficeThemeColors | null {
  if (!theme || typeof theme !== 'object') return null;
  const t = theme as Record<string, unknown>;
  const keys = [
    'bodyBackgroundColor',
    'bodyForegroundColor',
    'controlBackgroundColor',
    'controlForegroundColor',
  ] as const;
  if (!keys.every((k) => parseHex(t[k]))) return null;
  const colors = Object.fromEntries(keys.map((k) => [k, toHex(parseHex(t[k])!)])) as Record<
    (typeof keys)[number],
    string
  >;
  return typeof t.isDarkTheme === 'boolean' ? { ...colors, isDarkTheme: t.isDarkTheme } : colors;
}

/**
 * The pane's theme from Office's colours: the page takes the body colours, inputs and secondary buttons the control
 * colours; the rest comes from Fluent's light or dark palette (by `isDarkTheme`, else by which of black and white
 * reads better on the body), derived from Office's colours where it sits on them, and every pair is checked.
 */
export function officeTheme(colors: OfficeThemeColors): Theme {
  const body = colors.bodyBackgroundColor;
  const dark = colors.isDarkTheme ?? contrastRatio(body, '#ffffff') > contrastRatio(body, '#000000');
  const base = dark ? DARK : LIGHT;
  const fg = colors.bodyForegroundColor;
  const control = colors.controlBackgroundColor;
  const controlFg = ensureContrast(colors.controlForegroundColor, [control], TEXT_CONTRAST);
  // Hover and pressed shades lean toward the control's text, as Fluent's do, as far as the text stays readable.
  const [controlHover, controlPressed] = [0.06, 0.12].map(
    (t) =>
      [t, t / 2]
        .map((u) => mix(control, controlFg, u))
        .find((c) => contrastRatio(controlFg, c) >= TEXT_CONTRAST) ?? control,
  );
  // Surfaces a shade off the page (lighter, as Fluent's are), and badges a shade further: only as far as Office's
  // own text colour stays readable on the page and on them all (on a mid-grey page, or when Office's text is not
  // readable on its page anyway, not at all: the text is then moved instead).
  const keepsText = (...surfaces: string[]) => worst(fg, [body, ...surfaces]) >= TEXT_CONTRAST;
  const bg1 =
    [0.05, 0.025].map((t) => mix(body, '#ffffff', dark ? t : t * 12)).find((c) => keepsText(c)) ?? body;
  const bg3 =
    [mix(bg1, fg, 0.06), mix(bg1, dark ? '#000000' : '#ffffff', 0.15)].find((c) => keepsText(bg1, c)) ?? bg1;
  const tokens: Tokens = {
    ...base,
    bg1,
    bg2: body,
    bg3,
    fg1: fg,
    fg2: mix(fg, body, 0.12),
    fg3: mix(fg, body, 0.28),
    fgDisabled: mix(fg, body, 0.6),
    bgDisabled: mix(body, fg, 0.06),
    controlBg: control,
    controlFg,
    controlHover,
    controlPressed,
    stroke1: mix(control, controlFg, 0.3),
    stroke1Hover: mix(control, controlFg, 0.4),
    stroke2: mix(bg1, fg, 0.14),
    strokeAccessible: mix(fg, body, 0.35),
    strokeFocus: fg,
  };
  return { mode: dark ? 'dark' : 'light', source: 'office', tokens: checked(tokens) };
}

/** The Office theme when Office gives one with valid colours, else the system theme. */
export function chooseTheme(office: unknown, prefersDark: boolean): Theme {
  const colors = readOfficeColors(office);
  return colors ? officeTheme(colors) : systemTheme(prefersDark);
}

/** The tokens with every CONTRAST_PAIRS foreground moved (if need be) until it meets its minimum. */
function checked(tokens: Tokens): Tokens {
  const out = { ...tokens };
  for (const pair of CONTRAST_PAIRS)
    out[pair.fg] = ensureContrast(
      out[pair.fg],
      pair.bg.map((b) => out[b]),
      pair.min,
    );
  return out;
}

const cssName = (key: string) => `--kc-${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Sets the theme on the page: the CSS custom properties, `color-scheme`, and data-theme / data-theme-source. */
export function applyTheme(root: HTMLElement, theme: Theme): void {
  for (const [key, value] of Object.entries(theme.tokens)) root.style.setProperty(cssName(key), value);
  root.style.setProperty('color-scheme', theme.mode);
  root.dataset.theme = theme.mode;
  root.dataset.themeSource = theme.source;
}
