/**
 * The task pane's controller: renders the scenario picker and the key assumptions into the page's skeleton
 * (taskpane.html), validates every edit by the model's rules, and drives a WorkbookPort: insert, write one assumption,
 * update, reset, convert to values, read the recalculated summary and follow the Assumptions sheet. The valuation
 * charts (chartsView.ts) follow the case in force: the scenario with the pane's and the sheet's assumptions.
 *
 * Workbook operations run one at a time (a queue); while one runs the buttons are aria-disabled (still focusable, so
 * keyboard focus is never lost) and the pane's root carries data-kc-idle="false". Typed text is never written: a
 * valid edit is parsed to a number by the model's parser and written with writeAssumption as that number.
 *
 * What an action reports (its progress line, result, notes or error) stays until the user's next action: typing,
 * a scenario, a button, or an edit on the sheet; then the standing notice (where the pane runs, whether the model
 * is in the workbook) comes back. One button is primary: Insert until the model is in the workbook, then Update.
 */
import { ModelError } from '../model';
import { ValuationCharts } from './chartsView';
import {
  fieldValue,
  formatFieldValue,
  KEY_FIELDS,
  SCENARIO_OPTIONS,
  validateField,
  type KeyField,
  type PaneOverrides,
} from './fields';
import type { InsertReport, Progress, WorkbookEvent, WorkbookPort, WorkbookState } from './port';
import {
  engineSummary,
  formatPct,
  formatRmbMn,
  formatUsd,
  SUMMARY_YEARS,
  type SummaryFigures,
  type SummarySource,
} from './summary';

export type NoticeKind = 'info' | 'warning' | 'success';

/** The standing notice while the model is in the workbook. */
export const LIVE_NOTICE =
  'The model is in the workbook. Edit assumptions here or on the Assumptions sheet: Excel recalculates.';

/** Manual calculation mode: the add-in never switches it, so the user's F9 brings the figures up to date. */
export const NEEDS_F9 =
  'Calculation is set to Manual in this workbook, so the figures need a recalculation (F9) to be up to date.';

interface FieldView {
  field: KeyField;
  input: HTMLInputElement;
  error: HTMLElement;
  modified: HTMLElement;
  /** The text last accepted (or shown) in the field, so a repeated change event does nothing. */
  committed: string;
}

type ModelState = 'none' | 'live';

export class TaskPane {
  private scenario = 'base';
  private overrides: PaneOverrides = {};
  private port: WorkbookPort | null = null;
  private model: ModelState = 'none';
  private stopWatching: (() => Promise<void>) | null = null;
  private queue: Promise<void> = Promise.resolve();
  private pending = 0;
  /** Queued or running operations that show their progress (a user's action, not a follow-up read). */
  private pendingWithProgress = 0;
  private watchTimer: ReturnType<typeof setTimeout> | undefined;
  /** Manual calculation mode and the workbook changed (or was written) since Excel last calculated: F9 is due. */
  private recalculationDue = false;
  /** A change event arrived since the last summary read. */
  private changedSinceCalculation = false;
  /** What the last write told the user (kept beside the F9 warning until the user's next action). */
  private writeNotice = '';
  /** The standing notice (where the pane runs, whether the model is in the workbook), shown when no news is due. */
  private baseNotice: { kind: NoticeKind; text: string } = { kind: 'info', text: '' };
  private readonly fields: FieldView[] = [];
  private readonly charts: ValuationCharts;

  constructor(private readonly doc: Document) {
    this.charts = new ValuationCharts(doc);
    this.renderScenarios();
    this.renderFields();
    this.wireButtons();
    this.refreshEngineSummary();
    this.updateButtons();
    this.caseChanged();
  }

  /**
   * Connects the pane to a workbook (Excel, or a test's stand-in). If the workbook already holds the model (a saved
   * workbook reopened, or the pane reloaded), the pane takes over its scenario and assumptions and follows it.
   */
  attach(port: WorkbookPort, notice: string): Promise<void> {
    this.port = port;
    this.setNotice('info', notice);
    this.updateButtons();
    this.enqueue(null, async () => {
      const state = await port.readInsertedScenario();
      if (!state) {
        this.refreshEngineSummary();
        return;
      }
      this.model = 'live';
      this.updateButtons();
      await this.syncFromWorkbook(state);
      await this.watch(port);
      this.setNotice('success', 'This workbook holds the model: the pane follows its Assumptions sheet.');
      await this.refreshWorkbookSummary();
    });
    return this.idle();
  }

  /** Resolves when every queued workbook operation has finished. */
  idle(): Promise<void> {
    return this.queue;
  }

  /** Whether a workbook is attached. */
  get attached(): boolean {
    return this.port !== null;
  }

  /** Sets and shows the standing notice: where the pane runs, whether the model is in the workbook. */
  setNotice(kind: NoticeKind, text: string): void {
    this.baseNotice = { kind, text };
    this.showNotice(kind, text);
  }

  /** Shows a notice until the user's next action (which brings the standing notice back). */
  private showNotice(kind: NoticeKind, text: string): void {
    const notice = this.el('kc-notice');
    delete notice.dataset.recalculation;
    notice.dataset.kind = kind;
    notice.textContent = text;
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  private el<T extends HTMLElement = HTMLElement>(id: string): T {
    const found = this.doc.getElementById(id);
    if (!found) throw new Error(`Task pane: #${id} is missing from taskpane.html`);
    return found as T;
  }

  private renderScenarios(): void {
    const select = this.el<HTMLSelectElement>('kc-scenario');
    select.replaceChildren(
      ...SCENARIO_OPTIONS.map((s) => {
        const option = this.doc.createElement('option');
        option.value = s.name;
        option.textContent = s.name[0].toUpperCase() + s.name.slice(1);
        return option;
      }),
    );
    select.value = this.scenario;
    this.describeScenario();
    select.addEventListener('change', () => this.changeScenario(select.value));
  }

  private describeScenario(): void {
    const description = SCENARIO_OPTIONS.find((s) => s.name === this.scenario)?.description ?? '';
    this.el('kc-scenario-description').textContent = description;
  }

  private renderFields(): void {
    const container = this.el('kc-fields');
    const groups = new Map<string, HTMLFieldSetElement>();
    for (const field of KEY_FIELDS) {
      let group = groups.get(field.group);
      if (!group) {
        group = this.doc.createElement('fieldset');
        group.className = 'kc-group';
        const legend = this.doc.createElement('legend');
        legend.textContent = field.group;
        group.append(legend);
        groups.set(field.group, group);
        container.append(group);
      }
      const id = `kc-field-${field.key.replace('.', '-')}`;
      const row = this.doc.createElement('div');
      row.className = 'kc-field kc-row';

      const label = this.doc.createElement('label');
      label.className = 'kc-label';
      label.htmlFor = id;
      label.textContent = field.label;
      const modified = this.doc.createElement('span');
      modified.className = 'kc-modified';
      modified.textContent = '●';
      modified.title = 'Changed from the scenario';
      modified.setAttribute('aria-label', '(changed from the scenario)');
      modified.hidden = true;
      label.append(modified);

      const input = this.doc.createElement('input');
      input.type = 'text';
      input.id = id;
      input.name = field.key;
      input.className = 'kc-input';
      input.inputMode = 'decimal';
      input.autocomplete = 'off';
      input.spellcheck = false;
      input.dataset.key = field.key;

      const error = this.doc.createElement('p');
      error.id = `${id}-error`;
      error.className = 'kc-field-error';
      error.hidden = true;
      input.setAttribute('aria-describedby', `${error.id} kc-assumptions-hint`);

      row.append(label, input, error);
      group.append(row);

      const view: FieldView = { field, input, error, modified, committed: '' };
      this.fields.push(view);
      input.addEventListener('input', () => this.checkField(view));
      input.addEventListener('change', () => this.commitField(view));
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          this.commitField(view);
        } else if (event.key === 'Escape') {
          input.value = view.committed;
          this.showFieldError(view, null);
        }
      });
    }
    this.el('kc-form').addEventListener('submit', (event) => event.preventDefault());
    this.showFieldValues();
  }

  /** Puts the scenario's value (with the pane's overrides) in every field. */
  private showFieldValues(): void {
    for (const view of this.fields) this.showFieldValue(view);
  }

  private showFieldValue(view: FieldView): void {
    const value = fieldValue(view.field, this.scenario, this.overrides);
    const text = formatFieldValue(view.field, value);
    view.input.value = text;
    view.committed = text;
    view.modified.hidden = fieldValue(view.field, this.scenario, {}).equals(value);
    this.showFieldError(view, null);
  }

  private showFieldError(view: FieldView, message: string | null): void {
    view.error.textContent = message ?? '';
    view.error.hidden = message === null;
    if (message === null) view.input.removeAttribute('aria-invalid');
    else view.input.setAttribute('aria-invalid', 'true');
  }

  private renderSummary(figures: SummaryFigures, source: SummarySource, label: string): void {
    this.el('kc-target-price').textContent = formatUsd(figures.targetPrice);
    this.el('kc-upside').textContent = formatPct(figures.upside);
    this.el('kc-ev').textContent = formatRmbMn(figures.enterpriseValue);
    const cells = (rowId: string, values: SummaryFigures['revenue']) => {
      const tds = this.el(rowId).querySelectorAll('td');
      SUMMARY_YEARS.forEach((p, i) => {
        if (tds[i]) tds[i].textContent = formatRmbMn(values[p]);
      });
    };
    cells('kc-row-revenue', figures.revenue);
    cells('kc-row-ebitda', figures.ebitda);
    this.el('kc-checks').textContent = figures.masterCheck
      ? 'Checks: all pass.'
      : 'Checks: FAIL (see the Checks sheet).';
    const card = this.el('kc-summary');
    card.dataset.source = source;
    card.classList.remove('kc-stale');
    // One short sentence for screen readers when the headline figures change (the card itself is not live).
    const sentence = `Target price ${formatUsd(figures.targetPrice)}, upside ${formatPct(figures.upside)} (${label}).`;
    const announce = this.el('kc-announce');
    if (announce.textContent !== sentence) announce.textContent = sentence;
    const badge = this.el('kc-summary-source');
    badge.dataset.source = source;
    badge.textContent = label;
  }

  private markSummaryStale(): void {
    this.el('kc-summary').classList.add('kc-stale');
  }

  // ---- edits -----------------------------------------------------------------------------------------------

  /** Live feedback while typing: the model's message, or nothing. Writes nothing. */
  private checkField(view: FieldView): void {
    this.clearStatus();
    const result = validateField(view.field, view.input.value, this.scenario, this.overrides);
    this.showFieldError(view, result.ok ? null : result.message);
  }

  /** Enter, Tab or leaving the field: validate, and if valid apply to the engine and write to the workbook. */
  private commitField(view: FieldView): void {
    const text = view.input.value;
    if (text === view.committed) return;
    this.clearStatus();
    const result = validateField(view.field, text, this.scenario, this.overrides);
    if (!result.ok) {
      this.showFieldError(view, result.message);
      return;
    }
    this.showFieldError(view, null);
    const { field } = view;
    this.overrides = { ...this.overrides, [field.key]: result.value.toString() };
    this.caseChanged();
    view.committed = formatFieldValue(field, result.value);
    view.input.value = view.committed;
    view.modified.hidden = fieldValue(field, this.scenario, {}).equals(result.value);

    if (this.model !== 'live' || !this.port) {
      this.refreshEngineSummary();
      return;
    }
    const port = this.port;
    const number = result.value.toNumber();
    view.input.dataset.pending = 'true';
    this.markSummaryStale();
    this.enqueue(`Writing ${field.label}…`, async () => {
      try {
        await port.writeAssumption(field.driver.id, field.period, number);
      } catch (error) {
        // Show what the workbook really holds, then the error.
        await port
          .readInsertedScenario()
          .then((state) => this.syncFromWorkbook(state))
          .catch(() => undefined);
        throw error;
      } finally {
        delete view.input.dataset.pending;
      }
      await this.refreshWorkbookSummary();
    });
  }

  private changeScenario(scenario: string): void {
    this.clearStatus();
    const previous = this.scenario;
    try {
      engineSummary(scenario, this.overrides); // the pane's overrides must still hold in the new scenario
    } catch (error) {
      this.el<HTMLSelectElement>('kc-scenario').value = previous;
      this.showError(error);
      return;
    }
    this.scenario = scenario;
    this.describeScenario();
    this.showFieldValues();
    this.caseChanged();
    if (this.model === 'live') {
      // The workbook follows at once: the model is rewritten on the new scenario with the pane's assumptions.
      this.markSummaryStale();
      this.update(`Switching the workbook to the ${scenario} scenario…`, `Scenario ${scenario} applied.`);
    } else {
      this.refreshEngineSummary();
    }
  }

  // ---- actions ---------------------------------------------------------------------------------------------

  private wireButtons(): void {
    this.onClick('kc-insert', () => this.insert());
    this.onClick('kc-update', () => this.update());
    this.onClick('kc-reset', () => this.reset());
    this.onClick('kc-convert', () => this.convert());
  }

  private onClick(id: string, handler: () => void): void {
    const button = this.el<HTMLButtonElement>(id);
    button.addEventListener('click', () => {
      if (button.getAttribute('aria-disabled') === 'true') return;
      this.clearStatus();
      handler();
    });
  }

  private insert(): void {
    const port = this.port;
    if (!port) return;
    const request = { scenario: this.scenario, overrides: { ...this.overrides } };
    this.enqueue(
      'Inserting the model…',
      async () => {
        const report = await port.insertModel({ ...request, onProgress: (p) => this.setProgress(p, true) });
        this.model = 'live';
        this.baseNotice = { kind: 'success', text: LIVE_NOTICE };
        await this.watch(port);
        this.written(report, LIVE_NOTICE);
        await this.refreshWorkbookSummary();
      },
      'Model inserted.',
    );
  }

  /** Rewrites the live model from the pane's scenario and assumptions (user edits on the sheet are carried). */
  private update(start = 'Updating the model…', done = 'Model updated.'): void {
    const port = this.port;
    if (!port || this.model !== 'live') return;
    const request = { scenario: this.scenario, overrides: { ...this.overrides } };
    this.enqueue(
      start,
      async () => {
        const report = await port.insertModel({ ...request, onProgress: (p) => this.setProgress(p, true) });
        await this.watch(port);
        this.written(report, 'The model was rewritten in place; your links into it keep working.');
        await this.syncFromWorkbook(await port.readInsertedScenario());
        await this.refreshWorkbookSummary();
      },
      done,
    );
  }

  private reset(): void {
    this.overrides = {};
    this.showFieldValues();
    this.caseChanged();
    this.clearError();
    const port = this.port;
    if (!port || this.model !== 'live') {
      this.refreshEngineSummary();
      this.setProgress({ message: `Assumptions reset to the ${this.scenario} scenario.` }, false);
      return;
    }
    const scenario = this.scenario;
    this.markSummaryStale();
    this.enqueue(
      'Resetting assumptions…',
      async () => {
        const report = await port.insertModel({
          scenario,
          overrides: {},
          reset: true,
          onProgress: (p) => this.setProgress(p, true),
        });
        await this.watch(port);
        this.written(report, `The inputs are the ${scenario} scenario's again.`);
        await this.refreshWorkbookSummary();
      },
      `Assumptions reset to the ${scenario} scenario.`,
    );
  }

  /** A values-only copy of the model's sheets, beside the live model (which keeps recalculating). */
  private convert(): void {
    const port = this.port;
    if (!port || this.model !== 'live') return;
    const scenario = this.scenario;
    let sheets: string[] = [];
    this.enqueue(
      'Writing a values-only copy of the model…',
      async () => {
        sheets = await port.convertToValues({ scenario });
      },
      () => `Values-only copy written: ${sheets.join(', ')}. The live model is unchanged.`,
    );
  }

  /**
   * Follows the workbook anew (after every write and on attach): a sheet that was deleted takes its handlers with
   * it, and handlers do not survive closing the workbook.
   */
  private async watch(port: WorkbookPort): Promise<void> {
    await this.unwatch();
    this.stopWatching = await port.watchModel((event) => this.workbookEvent(event));
  }

  private async unwatch(): Promise<void> {
    const stop = this.stopWatching;
    this.stopWatching = null;
    // The old handlers may belong to a closed session or a deleted sheet: nothing is left to stop then.
    if (stop) await stop().catch(() => undefined);
  }

  /** Shows what a write did, and whether the figures wait for F9 (Manual calculation mode). */
  private written(report: InsertReport, done: string): void {
    this.recalculationDue = report.needsRecalculation;
    this.writeNotice = [done, ...report.notes].join(' ');
    this.showNotice('success', this.writeNotice);
  }

  private workbookEvent(event: WorkbookEvent): void {
    if (event === 'calculated') this.recalculationDue = false;
    this.assumptionsChanged(event === 'changed');
  }

  /** The workbook changed or calculated (in the pane or by hand): read what Excel calculated, once per burst. */
  private assumptionsChanged(changed = true): void {
    if (this.model !== 'live') return;
    if (changed) this.changedSinceCalculation = true;
    this.markSummaryStale();
    clearTimeout(this.watchTimer);
    this.watchTimer = setTimeout(
      () =>
        this.enqueue(null, async () => {
          if (this.model !== 'live' || !this.port) return;
          const before = { scenario: this.scenario, overrides: this.overrides };
          await this.syncFromWorkbook(await this.port.readInsertedScenario());
          // An edit on the sheet (not the echo of the pane's own write) is the user's next action.
          if (before.scenario !== this.scenario || !sameOverrides(before.overrides, this.overrides))
            this.clearStatus();
          await this.refreshWorkbookSummary();
        }),
      50,
    );
  }

  /**
   * Takes the workbook's scenario and assumptions into the pane: what insertModel wrote, plus the inputs edited since
   * (on the sheet or from the pane). Edits the model rejects stay in the workbook (Excel shows what they do) and are
   * reported here; the fields keep the last valid values.
   */
  private async syncFromWorkbook(state: WorkbookState | null): Promise<void> {
    if (!state || !this.port) return;
    const edited = (await this.port.readEditedAssumptions()) ?? {};
    const merged: PaneOverrides = {};
    for (const [key, value] of Object.entries({ ...state.overrides, ...edited })) merged[key] = String(value);
    // The selector on the Assumptions sheet decides the scenario; insertModel applied its overrides to every scenario.
    const scenario = SCENARIO_OPTIONS.some((s) => s.name === state.selected) ? state.selected : this.scenario;
    try {
      engineSummary(scenario, merged);
    } catch (error) {
      if (!(error instanceof ModelError)) throw error;
      this.showError(
        `On the Assumptions sheet: ${error.message} The pane shows the last values the model accepted.`,
      );
      return;
    }
    this.scenario = scenario;
    this.el<HTMLSelectElement>('kc-scenario').value = scenario;
    this.describeScenario();
    this.overrides = merged;
    this.caseChanged();
    for (const view of this.fields) {
      // A field being edited keeps what the user is typing.
      if (this.doc.activeElement === view.input && view.input.value !== view.committed) continue;
      this.showFieldValue(view);
    }
  }

  /** The case in force (scenario and assumptions) may have changed: the charts follow it. */
  private caseChanged(): void {
    this.charts.show({ scenario: this.scenario, overrides: this.overrides });
  }

  // ---- summary ---------------------------------------------------------------------------------------------

  private refreshEngineSummary(): void {
    try {
      const label = this.port ? 'Engine · not inserted' : 'Engine';
      this.renderSummary(engineSummary(this.scenario, this.overrides), 'engine', label);
    } catch (error) {
      this.showError(error);
    }
  }

  private async refreshWorkbookSummary(): Promise<void> {
    if (!this.port) return;
    const summary = await this.port.readSummary();
    if (!summary) return;
    this.renderSummary(summary.figures, 'workbook', 'Workbook');
    if (!summary.manualCalculation) {
      this.recalculationDue = false;
      this.changedSinceCalculation = false;
      return;
    }
    if (this.changedSinceCalculation) this.recalculationDue = true;
    this.changedSinceCalculation = false;
    const notice = this.el('kc-notice');
    if (this.recalculationDue) {
      this.markSummaryStale();
      this.showNotice('warning', `${NEEDS_F9} ${this.writeNotice}`.trim());
      notice.dataset.recalculation = 'due';
    } else if (notice.dataset.recalculation === 'due') {
      this.showNotice('success', this.writeNotice || 'Excel has recalculated the model.');
    }
  }

  // ---- progress, errors, queue -----------------------------------------------------------------------------

  private enqueue(start: string | null, op: () => Promise<void>, done?: string | (() => string)): void {
    this.pending++;
    if (start) this.pendingWithProgress++;
    this.updateButtons();
    if (start) {
      this.clearError();
      this.setProgress({ message: start }, true);
    }
    this.queue = this.queue
      .then(op)
      .then(
        () => {
          if (done)
            this.setProgress({ message: typeof done === 'string' ? done : done(), fraction: 1 }, false);
          else if (start) this.hideProgress();
        },
        (error: unknown) => {
          console.error('[kc]', error);
          this.hideProgress();
          this.showError(error);
        },
      )
      .finally(() => {
        this.pending--;
        if (start) this.pendingWithProgress--;
        this.updateButtons();
      });
  }

  private setProgress(progress: Progress, running: boolean): void {
    const box = this.el('kc-progress');
    box.hidden = false;
    this.el('kc-progress-text').textContent = progress.message;
    const known = typeof progress.fraction === 'number';
    box.dataset.indeterminate = String(running && !known);
    const bar = this.el('kc-progress-bar');
    bar.style.width = known
      ? `${Math.round(Math.min(1, Math.max(0, progress.fraction!)) * 100)}%`
      : running
        ? ''
        : '0';
    box.querySelector('.kc-progress-track')?.toggleAttribute('hidden', !running && !known);
  }

  private hideProgress(): void {
    this.el('kc-progress').hidden = true;
  }

  private showError(error: unknown): void {
    const box = this.el('kc-error');
    box.textContent = describeError(error);
    box.hidden = false;
  }

  private clearError(): void {
    const box = this.el('kc-error');
    box.hidden = true;
    box.textContent = '';
  }

  /**
   * The user acts again (types, commits, picks a scenario, presses a button, edits the sheet): what the last action
   * reported (its result, its notes, its error) is no longer news. A running operation keeps its progress, and a
   * recalculation that is still due keeps its warning.
   */
  private clearStatus(): void {
    this.writeNotice = '';
    this.clearError();
    if (this.pendingWithProgress === 0) this.hideProgress();
    if (this.recalculationDue && this.model === 'live') {
      this.showNotice('warning', NEEDS_F9);
      this.el('kc-notice').dataset.recalculation = 'due';
    } else {
      this.showNotice(this.baseNotice.kind, this.baseNotice.text);
    }
  }

  private updateButtons(): void {
    const busy = this.pending > 0;
    const live = this.model === 'live';
    const set = (id: string, enabled: boolean) => this.el(id).setAttribute('aria-disabled', String(!enabled));
    set('kc-insert', !busy && this.port !== null);
    set('kc-update', !busy && live);
    set('kc-reset', !busy);
    set('kc-convert', !busy && live);
    // One primary action: Insert until the model is in the workbook, then Update.
    this.el('kc-insert').classList.toggle('kc-button-primary', !live);
    this.el('kc-update').classList.toggle('kc-button-primary', live);
    const root = this.doc.querySelector<HTMLElement>('.kc-pane');
    if (root) {
      root.dataset.kcIdle = String(!busy);
      root.dataset.kcModel = this.model;
    }
    this.el('kc-form').setAttribute('aria-busy', String(busy));
  }
}

/** Whether two sets of overrides hold the same values (numbers read back from a sheet may differ in the last bit). */
function sameOverrides(a: PaneOverrides, b: PaneOverrides): boolean {
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((k) => {
    if (!Object.prototype.hasOwnProperty.call(b, k)) return false;
    const [x, y] = [Number(a[k]), Number(b[k])];
    return a[k] === b[k] || Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x), Math.abs(y));
  });
}

/** One line for the pane: the ModelError's message, Office's message (with its debug location), or the text. */
export function describeError(error: unknown): string {
  if (error instanceof ModelError) return error.message;
  if (error instanceof Error) {
    const info = (error as Error & { debugInfo?: { errorLocation?: string } }).debugInfo;
    return info?.errorLocation ? `${error.message} (${info.errorLocation})` : error.message;
  }
  return String(error);
}
