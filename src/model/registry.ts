import { references, type Expr } from './expr';
import { LINES, type LineDef } from './lines';
import { PERIODS, type Period, type PeriodId } from './periods';

export { LINES } from './lines';

const BY_ID = new Map<string, LineDef>();
const POSITION = new Map<string, number>();
LINES.forEach((def, i) => {
  if (BY_ID.has(def.id)) throw new Error(`Duplicate line id ${def.id}`);
  BY_ID.set(def.id, def);
  POSITION.set(def.id, i);
});

/** A line's position in LINES, or -1. */
export function lineIndex(id: string): number {
  return POSITION.get(id) ?? -1;
}

/** The line with this id, or undefined. */
export function findLine(id: string): LineDef | undefined {
  return BY_ID.get(id);
}

/** True for lines with one value rather than one per period. */
export function isScalar(def: LineDef): boolean {
  return def.scalar !== undefined;
}

/** The definition that applies to a line in a period, or undefined where the line has no value there. */
export function definitionFor(def: LineDef, period: Period): Expr | undefined {
  if (def.scalar) return undefined;
  switch (period.kind) {
    case 'opening':
      return def.opening;
    case 'actual':
      return def.actual === null ? undefined : (def.actual ?? def.explicit);
    case 'explicit':
      return def.explicit;
    case 'longRange':
      return def.longRange ?? def.explicit;
  }
}

/** A cell of the model: a line in a period, or a scalar line (period -1). */
export interface Cell {
  line: number;
  period: number;
}

/** Cells a definition reads, resolved to line and period indexes. Throws on a reference to a missing value. */
export function cellDependencies(def: LineDef, period: number, expr: Expr): Cell[] {
  return references(expr).flatMap((ref): Cell[] => {
    if (ref.kind !== 'line') return [];
    const target = BY_ID.get(ref.id);
    if (!target) throw new Error(`Line ${def.id} reads unknown line ${ref.id}`);
    const line = POSITION.get(target.id)!;
    if (isScalar(target)) return [{ line, period: -1 }];
    const periods =
      ref.from !== undefined
        ? PERIODS.filter((p) => p.index >= indexOf(ref.from!) && p.index <= indexOf(ref.to!)).map(
            (p) => p.index,
          )
        : [ref.at !== undefined ? indexOf(ref.at) : period - ref.lag];
    return periods.map((p) => {
      if (p < 0 || !definitionFor(target, PERIODS[p])) {
        const where = PERIODS[p]?.id ?? 'before 12/24';
        throw new Error(`Line ${def.id} reads ${ref.id} in ${where}, which has no value there`);
      }
      return { line, period: p };
    });
  });
}

function indexOf(id: PeriodId): number {
  return PERIODS.findIndex((p) => p.id === id);
}

/** Every cell with a definition, ordered so that each comes after the cells it reads. */
export const EVALUATION_ORDER: readonly Cell[] = (() => {
  const order: Cell[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (cell: Cell, path: string[]): void => {
    const key = `${cell.line}:${cell.period}`;
    const seen = state.get(key);
    if (seen === 'done') return;
    const def = LINES[cell.line];
    const label = `${def.id}@${cell.period < 0 ? 'scalar' : PERIODS[cell.period].id}`;
    if (seen === 'visiting') throw new Error(`Circular definition: ${[...path, label].join(' -> ')}`);
    state.set(key, 'visiting');
    const expr = cell.period < 0 ? def.scalar! : definitionFor(def, PERIODS[cell.period])!;
    for (const dep of cellDependencies(def, cell.period, expr)) visit(dep, [...path, label]);
    state.set(key, 'done');
    order.push(cell);
  };
  LINES.forEach((def, line) => {
    if (isScalar(def)) visit({ line, period: -1 }, []);
    else PERIODS.forEach((p) => definitionFor(def, p) && visit({ line, period: p.index }, []));
  });
  return order;
})();

/** What each cell of EVALUATION_ORDER reads: the cells (as order positions), the drivers, and whether its own input. */
export interface CellReads {
  cells: number[];
  drivers: string[];
  input: boolean;
}

/** CellReads for each position of EVALUATION_ORDER, for re-evaluating only what a change reaches. */
export const CELL_READS: readonly CellReads[] = (() => {
  const position = new Map(EVALUATION_ORDER.map((cell, i) => [`${cell.line}:${cell.period}`, i]));
  return EVALUATION_ORDER.map((cell) => {
    const def = LINES[cell.line];
    const expr = cell.period < 0 ? def.scalar! : definitionFor(def, PERIODS[cell.period])!;
    const refs = references(expr);
    return {
      cells: cellDependencies(def, cell.period, expr).map((dep) =>
        position.get(`${dep.line}:${dep.period}`)!,
      ),
      drivers: [...new Set(refs.filter((r) => r.kind === 'drv').map((r) => r.id))],
      input: refs.some((r) => r.kind === 'input'),
    };
  });
})();
