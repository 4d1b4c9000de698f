/// <reference types="office-js" />
/**
 * Where Office.js batches run: Excel.run in Excel, the in-memory stand-in in tests (test/support/excelStandIn.ts).
 * No Excel enum values are referenced at run time (string literals only), so the task pane's modules load outside
 * Office.
 */

/** Runs batches of Office.js requests. */
export interface ExcelHost {
  /** Excel.run(batch): a batch on a new request context. */
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * Excel.run(context, batch): a batch on the request context of an earlier run, as Microsoft's "Work with events"
   * article removes an event handler (the same context that added it).
   */
  runIn<T>(
    context: OfficeExtension.ClientRequestContext,
    batch: (context: Excel.RequestContext) => Promise<T>,
  ): Promise<T>;
}

/** The host for real Excel. */
export function officeHost(): ExcelHost {
  return {
    run: (batch) => Excel.run(batch),
    runIn: (context, batch) => Excel.run(context, batch),
  };
}

/** Excel on the web rejects a request (or response) above 5 MB ("Resource limits and performance optimization"). */
export const PAYLOAD_LIMIT = 5 * 1024 * 1024;
