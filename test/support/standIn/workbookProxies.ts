/**
 * The stand-in's Office.js objects for the workbook, the application (calculation), names and add-in settings.
 * Each queues its requests on the context; the workbook model applies them at context.sync().
 */
import { ClientObject, CollectionProxy, type Context, propList, REQUEST_OVERHEAD } from './clientObjects';
import { RangeProxy, WorksheetCollectionProxy, WorksheetProxy } from './sheetProxies';
import {
  type Block,
  blockAddress,
  type CalculationMode,
  jsonSize,
  parseAddress,
  quoteSheet,
  StandInError,
} from './workbookModel';

const CALCULATION_TYPES = ['Recalculate', 'Full', 'FullRebuild'];

export class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  readonly names: NamedItemCollectionProxy;
  readonly settings: SettingCollectionProxy;
  readonly application: ApplicationProxy;
  constructor(readonly context: Context) {
    this.worksheets = context.track('WorksheetCollection', new WorksheetCollectionProxy(context));
    this.names = context.track('NamedItemCollection', new NamedItemCollectionProxy(context));
    this.settings = context.track('SettingCollection', new SettingCollectionProxy(context));
    this.application = context.track('Application', new ApplicationProxy(context));
  }
}

class ApplicationProxy extends ClientObject {
  load(props?: string | string[]): this {
    const wanted = propList(props);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 30,
      write: false,
      run: () => {
        for (const p of wanted.length ? wanted : ['calculationMode']) {
          if (p === 'calculationMode') this.setLoaded(p, this.context.doc.calculationMode);
          else throw new StandInError('InvalidArgument', `Unknown application property ${p}`);
        }
      },
    });
    return this;
  }
  get calculationMode(): CalculationMode {
    return this.prop('calculationMode');
  }
  /** Setting the mode needs ExcelApi 1.8; the add-in never changes the user's mode. */
  set calculationMode(value: CalculationMode) {
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 20,
      write: true,
      run: () => (this.context.doc.calculationMode = value),
    });
  }
  calculate(calculationType: string): void {
    if (!CALCULATION_TYPES.includes(calculationType))
      throw new StandInError('InvalidArgument', `Unknown calculation type ${calculationType}`);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 20,
      write: false,
      run: () => this.context.doc.calculate(),
    });
  }
  suspendApiCalculationUntilNextSync(): void {
    this.context.suspendCalculation();
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.context.suspendScreen();
  }
}

// ---- names --------------------------------------------------------------------------------------------------

class NamedItemProxy extends ClientObject {
  private nullResolved: boolean | null = null;
  constructor(
    context: Context,
    private readonly nameText: string,
    private readonly nullable = false,
  ) {
    super(context);
  }

  get isNullObject(): boolean {
    if (this.nullResolved === null)
      throw new StandInError(
        'PropertyNotLoaded',
        "The property 'isNullObject' is not available before sync.",
      );
    return this.nullResolved;
  }

  fill(props: string[]): void {
    const doc = this.context.doc;
    const stored = doc.nameOf(this.nameText) ?? this.nameText;
    for (const p of props) {
      if (p === 'name') this.setLoaded(p, stored);
      else if (p === 'formula') this.setLoaded(p, doc.nameFormula(stored));
      else if (p === 'visible') this.setLoaded(p, !doc.hiddenNames.has(stored));
      else if (p === 'type')
        this.setLoaded(p, /^=(?:'[^']+'|[^!]+)!\$?[A-Z]/.test(doc.nameFormula(stored)) ? 'Range' : 'Error');
      else throw new StandInError('InvalidArgument', `Unknown name property ${p}`);
    }
  }

  load(props?: string | string[]): this {
    const wanted = propList(props);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 30,
      write: false,
      run: () => {
        const exists = this.context.doc.hasName(this.nameText);
        this.nullResolved = !exists;
        if (!exists) {
          if (!this.nullable)
            throw new StandInError('ItemNotFound', `The name ${this.nameText} does not exist.`);
          return;
        }
        this.fill(wanted.length ? wanted : ['name', 'formula', 'visible', 'type']);
      },
    });
    return this;
  }

  get name(): string {
    return this.prop('name');
  }
  get formula(): string {
    return this.prop('formula');
  }
  set formula(value: string) {
    this.loaded.set('formula', value);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(value),
      write: true,
      run: () => this.context.doc.setNameFormula(this.nameText, value),
    });
  }
  get visible(): boolean {
    return this.prop('visible');
  }
  set visible(value: boolean) {
    this.loaded.set('visible', value);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 10,
      write: false,
      run: () => {
        const stored = this.context.doc.nameOf(this.nameText);
        if (!stored) throw new StandInError('ItemNotFound', `The name ${this.nameText} does not exist.`);
        if (value) this.context.doc.hiddenNames.delete(stored);
        else this.context.doc.hiddenNames.add(stored);
      },
    });
  }

  getRange(): RangeProxy {
    let address = '';
    let sheetName = '';
    const sheetProxy = new WorksheetProxy(this.context, () => this.context.doc.find(sheetName));
    const range = new NamedRangeProxy(this.context, sheetProxy, () => address);
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: false,
      run: () => {
        const target = this.context.doc.nameRange(this.nameText);
        sheetName = target.sheet.name;
        address = blockAddress(target.block);
      },
    });
    return this.context.track('Range', range);
  }

  delete(): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: true,
      run: () => this.context.doc.deleteName(this.nameText),
    });
  }
}

/** A range whose address is only known when the requests run (a name's range). */
class NamedRangeProxy extends RangeProxy {
  constructor(
    context: Context,
    worksheet: WorksheetProxy,
    private readonly lazyAddress: () => string,
  ) {
    super(context, worksheet, 'A1');
  }
  override block(): Block {
    return parseAddress(this.lazyAddress());
  }
}

class NamedItemCollectionProxy extends CollectionProxy<NamedItemProxy> {
  protected snapshot(wanted: string[]): NamedItemProxy[] {
    return this.context.doc.nameList().map((n) => {
      const item = new NamedItemProxy(this.context, n);
      item.fill(wanted.length ? wanted : ['name', 'formula', 'visible', 'type']);
      return this.context.track('NamedItem', item);
    });
  }

  add(name: string, reference: RangeProxy | string, comment?: string): NamedItemProxy {
    void comment;
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(name) + (typeof reference === 'string' ? jsonSize(reference) : 40),
      write: true,
      run: () => {
        let formula: string;
        if (typeof reference === 'string') formula = reference.startsWith('=') ? reference : `=${reference}`;
        else {
          const t = reference.target();
          formula = `=${quoteSheet(t.sheet.name)}!${blockAddress(t.block, true)}`;
        }
        this.context.doc.addName(name, formula);
      },
    });
    return this.context.track('NamedItem', new NamedItemProxy(this.context, name));
  }

  getItem(name: string): NamedItemProxy {
    return this.context.track('NamedItem', new NamedItemProxy(this.context, name));
  }

  getItemOrNullObject(name: string): NamedItemProxy {
    return this.context.track('NamedItem', new NamedItemProxy(this.context, name, true));
  }
}

// ---- settings -----------------------------------------------------------------------------------------------

class SettingProxy extends ClientObject {
  private nullResolved: boolean | null = null;
  constructor(
    context: Context,
    readonly key: string,
    private readonly nullable: boolean,
  ) {
    super(context);
  }
  get isNullObject(): boolean {
    if (this.nullResolved === null)
      throw new StandInError(
        'PropertyNotLoaded',
        "The property 'isNullObject' is not available before sync.",
      );
    return this.nullResolved;
  }
  load(props?: string | string[]): this {
    void props;
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 30,
      write: false,
      run: () => {
        const settings = this.context.doc.settings;
        this.nullResolved = !settings.has(this.key);
        if (this.nullResolved) {
          if (!this.nullable) throw new StandInError('ItemNotFound', `No setting ${this.key}`);
          return;
        }
        // Settings round-trip through JSON in the document.
        this.setLoaded('value', JSON.parse(JSON.stringify(settings.get(this.key))));
      },
    });
    return this;
  }
  get value(): unknown {
    return this.prop('value');
  }
  delete(): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: true,
      run: () => void this.context.doc.settings.delete(this.key),
    });
  }
}

class SettingCollectionProxy extends ClientObject {
  /** SettingCollection.add "sets or adds the specified setting to the workbook". */
  add(key: string, value: unknown): SettingProxy {
    if (!key) throw new StandInError('InvalidArgument', 'A setting needs a key.');
    const text = JSON.stringify(value);
    if (text === undefined) throw new StandInError('InvalidArgument', 'A setting value must be JSON.');
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(key) + text.length,
      write: true,
      run: () => void this.context.doc.settings.set(key, JSON.parse(text)),
    });
    return this.context.track('Setting', new SettingProxy(this.context, key, false));
  }
  getItem(key: string): SettingProxy {
    return this.context.track('Setting', new SettingProxy(this.context, key, false));
  }
  getItemOrNullObject(key: string): SettingProxy {
    return this.context.track('Setting', new SettingProxy(this.context, key, true));
  }
}
