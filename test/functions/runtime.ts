/**
 * A stand-in for Excel's custom-functions runtime in jest: the `CustomFunctions` global (Error, ErrorCode, associate)
 * and an invoker that calls a function the way Excel does, reading functions.json metadata generated from the JSDoc:
 * a scalar passed to a matrix parameter arrives as [[value]], a missing optional argument arrives as null, and a
 * number passed to a text parameter arrives as text.
 */
import { generateCustomFunctionsMetadata } from 'custom-functions-metadata';
import { join } from 'path';

/** The runtime's error codes, as Excel shows them. */
export const ErrorCode = {
  invalidValue: '#VALUE!',
  notAvailable: '#N/A',
  divisionByZero: '#DIV/0!',
  invalidNumber: '#NUM!',
  nullReference: '#NULL!',
  invalidName: '#NAME?',
  invalidReference: '#REF!',
} as const;

/**
 * Error codes that take a custom message. Microsoft documents that #NUM!, #DIV/0!, #NAME?, #REF! and #NULL! cannot
 * use one (https://learn.microsoft.com/javascript/api/custom-functions-runtime/customfunctions.errorcode); what Excel
 * does with one anyway is undocumented, so the stand-in is stricter and refuses it.
 */
const TAKE_MESSAGE: ReadonlySet<string> = new Set([ErrorCode.invalidValue, ErrorCode.notAvailable]);

/** Stand-in for CustomFunctions.Error. */
export class StandInError {
  constructor(
    readonly code: string,
    readonly message?: string,
  ) {
    if (message !== undefined && !TAKE_MESSAGE.has(code))
      throw new Error(`CustomFunctions.Error: ${code} takes no custom message (got "${message}")`);
  }
}

export const associated = new Map<string, unknown>();

/** Installs the stand-in as the `CustomFunctions` global. */
export function installRuntime(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    Error: StandInError,
    ErrorCode,
    associate: (id: string, fn: unknown) => associated.set(id, fn),
  };
}

export const FUNCTIONS_FILE = join(__dirname, '..', '..', 'src', 'functions', 'functions.ts');

export interface ParameterMetadata {
  name: string;
  description?: string;
  type?: string;
  dimensionality?: 'matrix';
  optional?: boolean;
  repeating?: boolean;
}

export interface FunctionMetadata {
  id: string;
  name: string;
  description?: string;
  parameters: ParameterMetadata[];
  result: { type?: string; dimensionality?: 'matrix' };
  options?: Record<string, boolean>;
}

export interface Metadata {
  functions: FunctionMetadata[];
  associate: { id: string; functionName: string }[];
  errors: string[];
}

/** functions.json as the webpack plugin generates it, plus the id-to-function associations it appends. */
export async function generateMetadata(): Promise<Metadata> {
  const result = await generateCustomFunctionsMetadata(FUNCTIONS_FILE);
  const json = JSON.parse(result.metadataJson || '{"functions":[]}') as { functions: FunctionMetadata[] };
  return { functions: json.functions, associate: result.associate, errors: result.errors };
}

type Impl = (...args: unknown[]) => unknown[][];

/** Calls KC.<id> as Excel would, through the metadata's parameter list. */
export function excelInvoker(metadata: Metadata, module: Record<string, unknown>) {
  return (id: string, ...args: unknown[]): unknown[][] => {
    const fn = metadata.functions.find((f) => f.id === id);
    const name = metadata.associate.find((a) => a.id === id)?.functionName;
    if (!fn || !name) throw new Error(`No function ${id} in the metadata`);
    if (args.length > fn.parameters.length)
      throw new Error(`KC.${id} takes at most ${fn.parameters.length} arguments`);
    const values = fn.parameters.map((p, i) => {
      const arg = args[i];
      if (arg === undefined || arg === null) return null;
      if (p.dimensionality === 'matrix') return Array.isArray(arg) ? arg : [[arg]];
      if (p.type === 'string' && typeof arg === 'number') return String(arg);
      return arg;
    });
    return (module[name] as Impl)(...values);
  };
}

/** KC.<id>(...args) as Excel calls it. */
export type Invoker = ReturnType<typeof excelInvoker>;

/** The generated metadata and an invoker over the functions module, for a suite's beforeAll. */
export async function loadFunctions(): Promise<{ metadata: Metadata; KC: Invoker }> {
  const metadata = await generateMetadata();
  const module = (await import('../../src/functions/functions')) as unknown as Record<string, unknown>;
  return { metadata, KC: excelInvoker(metadata, module) };
}

/** Runs `fn` and returns the Excel error it throws; fails if it returns normally. */
export function excelError(fn: () => unknown): StandInError {
  let result: unknown;
  try {
    result = fn();
  } catch (error) {
    if (error instanceof StandInError) return error;
    throw error;
  }
  throw new Error(`Expected an Excel error, got ${JSON.stringify(result)}`);
}
