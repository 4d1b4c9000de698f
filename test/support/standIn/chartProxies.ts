/**
 * The stand-in's charts: a chart keeps live references to its source rows (so it shows new values after an update
 * in place, follows inserted rows, and shows #REF! for good once its source sheet is deleted).
 */
import { ClientObject, CollectionProxy, type Context, propList, REQUEST_OVERHEAD } from './clientObjects';
import {
  type Block,
  type ChartState,
  jsonSize,
  type SeriesState,
  type SheetState,
  StandInError,
} from './workbookModel';

const CHART_TYPES = ['ColumnClustered', 'ColumnStacked', 'Line', 'BarClustered', 'BarStacked', 'Pie'];

interface SheetSource {
  queue(size: number, action: (s: SheetState) => void, write?: boolean): void;
  sheet(): SheetState;
}

export class ChartCollectionProxy extends CollectionProxy<ChartProxy> {
  constructor(
    context: Context,
    private readonly worksheet: SheetSource,
  ) {
    super(context);
  }

  protected snapshot(wanted: string[]): ChartProxy[] {
    const s = this.worksheet.sheet();
    return s.charts.map((state) => {
      const proxy = new ChartProxy(
        this.context,
        () => state,
        () => s,
      );
      proxy.fill(wanted.length ? wanted : ['name']);
      return this.context.track('Chart', proxy);
    });
  }

  /** Series by rows: the first row holds the categories, the first column the series names. */
  add(
    type: string,
    sourceData: { target(): { sheet: SheetState; block: Block } },
    seriesBy = 'Auto',
  ): ChartProxy {
    if (!CHART_TYPES.includes(type)) throw new StandInError('InvalidArgument', `Unknown chart type ${type}`);
    const chart: { state?: ChartState; sheet?: SheetState } = {};
    this.worksheet.queue(60, (s) => {
      const { sheet, block } = sourceData.target();
      if (seriesBy === 'Columns')
        throw new StandInError('InvalidArgument', 'The stand-in only models series by rows');
      const series: SeriesState[] = [];
      for (let r = block.row1 + 1; r <= block.row2; r++)
        series.push({
          name: String(this.context.doc.value(sheet, r, block.col1)),
          sheet,
          row1: r,
          col1: block.col1 + 1,
          row2: r,
          col2: block.col2,
        });
      const state: ChartState = { name: `Chart ${s.charts.length + 1}`, type, title: '', series };
      s.charts.push(state);
      chart.state = state;
      chart.sheet = s;
    });
    return this.context.track(
      'Chart',
      new ChartProxy(
        this.context,
        () => {
          if (!chart.state) throw new StandInError('InvalidObjectPath', 'The chart was not created.');
          return chart.state;
        },
        () => chart.sheet!,
      ),
    );
  }

  getItem(name: string): ChartProxy {
    const find = () => {
      const found = this.worksheet.sheet().charts.find((c) => c.name === name);
      if (!found) throw new StandInError('ItemNotFound', `No chart ${name}`);
      return found;
    };
    return this.context.track('Chart', new ChartProxy(this.context, find, () => this.worksheet.sheet()));
  }
}

export class ChartProxy extends ClientObject {
  readonly title: object;
  readonly series: object;
  readonly legend: object;
  constructor(
    context: Context,
    private readonly state: () => ChartState,
    private readonly sheet: () => SheetState,
  ) {
    super(context);
    const queue = (size: number, f: (c: ChartState) => void) =>
      context.enqueue({ size: REQUEST_OVERHEAD + size, write: true, run: () => f(state()) });
    const unloaded = (name: string) => () => {
      throw new StandInError('PropertyNotLoaded', `The property '${name}' is not available.`);
    };
    const title = {};
    Object.defineProperty(title, 'text', {
      get: unloaded('text'),
      set: (value: string) => queue(jsonSize(value), (c) => (c.title = value)),
    });
    this.title = context.track('ChartTitle', title);
    const legend = {};
    for (const p of ['position', 'visible'])
      Object.defineProperty(legend, p, { get: unloaded(p), set: () => queue(20, () => undefined) });
    this.legend = context.track('ChartLegend', legend);
    this.series = context.track('ChartSeriesCollection', {
      getItemAt: (index: number) =>
        context.track(
          'ChartSeries',
          new ChartSeriesProxy(context, () => {
            const s = state().series[index];
            if (!s) throw new StandInError('ItemNotFound', `No series ${index}`);
            return s;
          }),
        ),
    });
  }

  fill(props: string[]): void {
    for (const p of props) {
      if (p === 'name') this.setLoaded(p, this.state().name);
      else throw new StandInError('InvalidArgument', `Unknown chart property ${p}`);
    }
  }

  load(props?: string | string[]): this {
    const wanted = propList(props);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 30,
      write: false,
      run: () => this.fill(wanted.length ? wanted : ['name']),
    });
    return this;
  }

  set name(value: string) {
    this.loaded.set('name', value);
    this.context.enqueue({
      size: REQUEST_OVERHEAD + jsonSize(value),
      write: true,
      run: () => {
        const state = this.state();
        if (this.sheet().charts.some((c) => c !== state && c.name === value))
          throw new StandInError('InvalidArgument', `A chart named ${value} already exists on the sheet.`);
        state.name = value;
      },
    });
  }
  get name(): string {
    return this.prop('name');
  }

  setPosition(startCell: string, endCell?: string): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD + 20,
      write: true,
      run: () => (this.state().position = { from: startCell, to: endCell }),
    });
  }

  delete(): void {
    this.context.enqueue({
      size: REQUEST_OVERHEAD,
      write: true,
      run: () => {
        const state = this.state();
        const charts = this.sheet().charts;
        charts.splice(charts.indexOf(state), 1);
      },
    });
  }
}

class ChartSeriesProxy extends ClientObject {
  readonly format: object;
  constructor(
    context: Context,
    private readonly state: () => SeriesState,
  ) {
    super(context);
    const fill = context.track('ChartFill', {
      clear: () => this.set((s) => (s.hiddenFill = true)),
      setSolidColor: (color: string) => this.set((s) => (s.fillColor = color.toUpperCase())),
    });
    const line = {};
    Object.defineProperty(line, 'color', {
      get: () => {
        throw new StandInError('PropertyNotLoaded', "The property 'color' is not available.");
      },
      set: (color: string) => this.set((s) => (s.lineColor = color.toUpperCase())),
    });
    this.format = context.track('ChartSeriesFormat', { fill, line: context.track('ChartLineFormat', line) });
  }
  private set(f: (s: SeriesState) => void): void {
    this.context.enqueue({ size: REQUEST_OVERHEAD + 20, write: true, run: () => f(this.state()) });
  }
  set chartType(value: string) {
    this.set((s) => (s.chartType = value));
  }
  get chartType(): string {
    return this.prop('chartType');
  }
  set axisGroup(value: string) {
    this.set((s) => (s.axisGroup = value));
  }
  get axisGroup(): string {
    return this.prop('axisGroup');
  }
}
