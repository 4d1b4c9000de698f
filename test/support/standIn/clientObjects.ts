/**
 * Office.js's batch model, as the stand-in keeps it: proxies queue requests on a request context; nothing reaches the
 * workbook before context.sync(); reading a property that was not loaded throws PropertyNotLoaded; requests run in
 * order and a failing request stops the batch with the earlier ones applied; a context (and its proxies) works only
 * inside the Excel.run batch it belongs to (Excel.run(context, batch) reopens it, as Microsoft's events article
 * does to remove a handler). Every public member used is recorded as "Class.member" for the requirement-set check.
 */
import { jsonSize, StandInError, type WorkbookModel } from './workbookModel';

/** Fixed overhead of one request in Office.js's JSON protocol (action, object path, ids). */
export const REQUEST_OVERHEAD = 120;

export interface Op {
  size: number;
  write: boolean;
  run(): void;
}

let depth = 0;

/** Wraps an object so that members used from outside the stand-in are recorded as "Class.member" ("=" when set). */
export function track<T extends object>(doc: WorkbookModel, cls: string, target: T): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      if (typeof prop !== 'string') return Reflect.get(obj, prop, receiver);
      if (depth === 0) doc.usage.add(`${cls}.${prop}`);
      depth++;
      let value: unknown;
      try {
        value = Reflect.get(obj, prop, receiver);
      } finally {
        depth--;
      }
      if (typeof value !== 'function' || prop === 'constructor') return value;
      const fn = value as (...args: unknown[]) => unknown;
      return (...args: unknown[]) => {
        depth++;
        try {
          return fn.apply(receiver, args);
        } finally {
          depth--;
        }
      };
    },
    set(obj, prop, value, receiver) {
      if (typeof prop === 'string' && depth === 0) doc.usage.add(`${cls}.${prop}=`);
      depth++;
      try {
        return Reflect.set(obj, prop, value, receiver);
      } finally {
        depth--;
      }
    },
  });
}

export class Context {
  private queue: Op[] = [];
  private calculationSuspended = false;
  private screenSuspended = false;
  /** True inside the Excel.run batch this context belongs to. */
  active = true;
  readonly session: number;
  /** Set by the workbook proxy (it needs the context first). */
  workbook!: object;

  constructor(readonly doc: WorkbookModel) {
    this.session = doc.session;
  }

  track<T extends object>(cls: string, target: T): T {
    return track(this.doc, cls, target);
  }

  private assertActive(): void {
    if (!this.active || this.session !== this.doc.session)
      throw new StandInError(
        'InvalidObjectPath',
        'The request context is used outside its Excel.run batch (use Excel.run(context, batch)).',
      );
  }

  enqueue(op: Op): void {
    this.assertActive();
    this.queue.push(op);
  }

  suspendCalculation(): void {
    this.assertActive();
    this.calculationSuspended = true;
  }

  suspendScreen(): void {
    this.assertActive();
    this.screenSuspended = true;
  }

  async sync(): Promise<void> {
    this.assertActive();
    const doc = this.doc;
    const ops = this.queue;
    this.queue = [];
    doc.syncCount++;
    const size = ops.reduce((n, op) => n + op.size, 0);
    doc.requestSizes.push(size);
    const record = {
      size,
      requests: ops.length,
      responseBytes: 0,
      calculationSuspended: this.calculationSuspended,
      screenSuspended: this.screenSuspended,
    };
    doc.syncLog.push(record);
    doc.suspendedBatch = this.calculationSuspended;
    this.calculationSuspended = false;
    this.screenSuspended = false;
    let failAfter = Infinity;
    if (doc.failAt !== null && --doc.failAt === 0) {
      doc.failAt = null;
      failAfter = Math.floor(ops.length / 2);
    }
    const hf = doc.hf;
    doc.responseBytes = 0;
    try {
      for (let i = 0; i < ops.length; i++) {
        if (i === failAfter) throw new StandInError('GeneralException', 'Injected failure during sync');
        const op = ops[i];
        if (op.write && !hf.isEvaluationSuspended()) hf.suspendEvaluation();
        if (!op.write && hf.isEvaluationSuspended()) hf.resumeEvaluation();
        op.run();
      }
      if (failAfter === ops.length)
        throw new StandInError('GeneralException', 'Injected failure during sync');
    } finally {
      if (hf.isEvaluationSuspended()) hf.resumeEvaluation();
      record.responseBytes = doc.responseBytes;
      const recalculated = doc.recalculatesNow;
      doc.suspendedBatch = false;
      doc.flushChanges(recalculated);
    }
    await Promise.resolve();
  }
}

/** Base of every proxy: loaded properties, PropertyNotLoaded on reads of anything not loaded. */
export class ClientObject {
  protected loaded = new Map<string, unknown>();
  constructor(readonly context: Context) {}

  protected prop<T>(name: string): T {
    if (!this.loaded.has(name))
      throw new StandInError(
        'PropertyNotLoaded',
        `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
      );
    return this.loaded.get(name) as T;
  }

  /** Records a loaded value (and its size in the response). */
  protected setLoaded(name: string, value: unknown): void {
    this.loaded.set(name, value);
    this.context.doc.responseBytes += jsonSize(value) + name.length + 4;
  }

  toJSON(): Record<string, unknown> {
    return Object.fromEntries(this.loaded);
  }
}

export function propList(props?: string | string[] | Record<string, unknown>): string[] {
  if (props === undefined) return [];
  if (typeof props === 'string')
    return props
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
  if (Array.isArray(props)) return props;
  return Object.keys(props);
}

/** A collection whose `items` must be loaded (and synced) before they are read, as in Office.js. */
export abstract class CollectionProxy<T> extends ClientObject {
  private itemsList: T[] | null = null;

  get items(): T[] {
    if (!this.itemsList)
      throw new StandInError('PropertyNotLoaded', "The property 'items' is not available.");
    return this.itemsList;
  }

  /** The collection's items as of now, each filled with the wanted properties. */
  protected abstract snapshot(wanted: string[]): T[];

  load(props?: string | string[]): this {
    const wanted = propList(props).map((p) => p.replace(/^items\//, ''));
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 40,
      write: false,
      run: () => {
        this.itemsList = this.snapshot(wanted);
      },
    });
    return this;
  }
}

/** The result of EventHandlers.add: remove() must run on the context the handler was added in. */
export class EventHandlerResultProxy {
  removeFn: (() => void) | null = null;
  constructor(readonly context: Context) {}
  remove(): void {
    this.context.enqueue({ size: REQUEST_OVERHEAD, write: false, run: () => this.removeFn?.() });
  }
}
