/**
 * functions.json as custom-functions-metadata generates it from the JSDoc in src/functions/functions.ts (the same
 * call the webpack plugin makes): ids, parameters, optional flags, dimensionality, and the associations.
 */
import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';
import { MAX_GRID_AXIS } from '../../src/functions/arguments';
import * as functions from '../../src/functions/functions';
import { FUNCTIONS_FILE, generateMetadata, type FunctionMetadata, type Metadata } from './runtime';

let metadata: Metadata;

beforeAll(async () => {
  metadata = await generateMetadata();
}, 30_000);

const fn = (id: string): FunctionMetadata => {
  const found = metadata.functions.find((f) => f.id === id);
  if (!found) throw new Error(`No ${id}`);
  return found;
};

/** name, optional, matrix, type for each parameter. */
const signature = (id: string) =>
  fn(id).parameters.map((p) => [p.name, p.optional === true, p.dimensionality === 'matrix', p.type ?? 'any']);

describe('functions.json', () => {
  it('generates without errors', () => {
    expect(metadata.errors).toEqual([]);
  });

  it('has the eight functions, ids as names (the manifest adds the KC namespace)', () => {
    expect(metadata.functions.map((f) => f.id)).toEqual([
      'REVENUE',
      'EBITDA',
      'DCF',
      'LINE',
      'STATEMENT',
      'IMPLIED',
      'BRIDGE',
      'TORNADO',
    ]);
    for (const f of metadata.functions) expect(f.name).toBe(f.id);
  });

  it('declares each parameter: name, optional, matrix (ranges spill), type', () => {
    expect(signature('REVENUE')).toEqual([
      ['period', false, true, 'any'],
      ['segment', true, false, 'string'],
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
    expect(signature('EBITDA')).toEqual([
      ['period', false, true, 'any'],
      ['basis', true, false, 'string'],
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
    expect(signature('DCF')).toEqual([
      ['wacc', true, true, 'any'],
      ['terminal_growth', true, true, 'any'],
      ['output', true, false, 'string'],
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
    expect(signature('LINE')).toEqual([
      ['item', false, false, 'string'],
      ['period', false, true, 'any'],
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
    expect(signature('STATEMENT')).toEqual([
      ['name', false, false, 'string'],
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
    expect(signature('IMPLIED')).toEqual([
      ['driver', false, false, 'string'],
      ['price', true, true, 'any'],
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
    expect(signature('BRIDGE')).toEqual([
      ['from_scenario', false, false, 'string'],
      ['to_scenario', false, false, 'string'],
      ['from_assumptions', true, true, 'any'],
      ['to_assumptions', true, true, 'any'],
    ]);
    expect(signature('TORNADO')).toEqual([
      ['scenario', true, false, 'string'],
      ['assumptions', true, true, 'any'],
    ]);
  });

  it('returns matrices, and no function is volatile, streaming or cancelable', () => {
    for (const f of metadata.functions) {
      expect(f.result.dimensionality).toBe('matrix');
      expect(f.options?.volatile ?? false).toBe(false);
      expect(f.options?.stream ?? false).toBe(false);
      expect(f.options?.cancelable ?? false).toBe(false);
      expect(f.options?.requiresAddress ?? false).toBe(false);
      for (const p of f.parameters) expect(p.repeating ?? false).toBe(false);
    }
  });

  it('documents every function and parameter for Excel formula help', () => {
    for (const f of metadata.functions) {
      expect(f.description).toMatch(/^Kingsoft Cloud|^Any line|^Spills/);
      for (const p of f.parameters) expect((p.description ?? '').length).toBeGreaterThan(10);
    }
    expect(fn('REVENUE').parameters[1].description).toMatch(
      /"AI-related", "other than AI", "ecosystem" or "other customers"/,
    );
    expect(fn('EBITDA').parameters[1].description).toMatch(/"adjusted".*"reported".*"margin"/);
    // The grid's size cap, as KC.DCF enforces it.
    const cap = `at most ${MAX_GRID_AXIS} x ${MAX_GRID_AXIS}`;
    expect(fn('DCF').description).toContain(cap);
    for (const p of fn('DCF').parameters.slice(0, 2))
      expect(p.description).toContain(`at most ${MAX_GRID_AXIS} cells`);
    expect(fn('DCF').parameters[2].description).toMatch(
      /"US\$ per ADS".*"Rmb per ADS".*"EV".*"equity value".*"upside".*"terminal-value share of EV"/,
    );
  });

  it('associates each id with an exported function of functions.ts', () => {
    expect(metadata.associate.map((a) => [a.id, a.functionName])).toEqual([
      ['REVENUE', 'revenue'],
      ['EBITDA', 'ebitda'],
      ['DCF', 'dcf'],
      ['LINE', 'line'],
      ['STATEMENT', 'statement'],
      ['IMPLIED', 'implied'],
      ['BRIDGE', 'bridge'],
      ['TORNADO', 'tornado'],
    ]);
    for (const a of metadata.associate)
      expect(typeof (functions as Record<string, unknown>)[a.functionName]).toBe('function');
  });

  it('matches dist/functions.json when a build is newer than functions.ts', () => {
    const built = join(__dirname, '..', '..', 'dist', 'functions.json');
    if (!existsSync(built) || statSync(built).mtimeMs < statSync(FUNCTIONS_FILE).mtimeMs) return;
    const json = JSON.parse(readFileSync(built, 'utf8')) as { functions: FunctionMetadata[] };
    expect(json.functions).toEqual(metadata.functions);
  });
});
