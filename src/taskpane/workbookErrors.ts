/**
 * Why the add-in stopped before changing anything, in the user's words. The pane shows the message as it is.
 */

export type ConflictKind = 'names' | 'inputsMoved' | 'noState' | 'notInserted';

/** The workbook is in a state where writing would lose or change the user's work: nothing was written. */
export class WorkbookConflict extends Error {
  constructor(
    readonly kind: ConflictKind,
    message: string,
  ) {
    super(message);
    this.name = 'WorkbookConflict';
  }
}

/** The model is not (or no longer) in this workbook. */
export function notInserted(): WorkbookConflict {
  return new WorkbookConflict('notInserted', 'The model is not in this workbook: insert it first.');
}
