/**
 * The task pane's Office.js writer, one module per job (this file only gathers them):
 *  - excelHost.ts      where batches run (Excel.run, or the tests' stand-in);
 *  - workbookView.ts   the first read: sheets, names, state, calculation mode; which sheets are the add-in's;
 *  - modelState.ts     the add-in's record in the workbook settings;
 *  - layout.ts         the plan as this workbook gets it: input keys, boxes, names, layout version;
 *  - inputLocator.ts   where the Assumptions inputs are now;
 *  - sheetWriter.ts, chartWriter.ts   cells, looks and charts;
 *  - insertModel.ts    Insert, Update and Reset;
 *  - readers.ts, assumptionWriter.ts, modelEvents.ts, valuesCopy.ts   reading back, one edit, events, values.
 */
export { officeHost, PAYLOAD_LIMIT, type ExcelHost } from './excelHost';
export { insertModel, type InsertOptions, type InsertResult, type LayoutChange } from './insertModel';
export {
  readEditedAssumptions,
  readInsertedScenario,
  readSummary,
  type InsertedScenario,
  type ModelSummary,
} from './readers';
export { writeAssumption } from './assumptionWriter';
export { watchModel, type ModelEvent } from './modelEvents';
export { convertToValues } from './valuesCopy';
export { renameNamesInFormula, renameSheetsInFormula } from './formulaText';
export { WorkbookConflict } from './workbookErrors';
