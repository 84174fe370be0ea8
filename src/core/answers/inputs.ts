/** R16: how complete a plan is, from the reader's row counts. */
import type { InputCounts, Model, SheetCounts } from "../model";

function allPlanned(rows: number): SheetCounts {
  return { rows, planned: rows, skipped: 0 };
}

/**
 * R16: the reader's counts when it gave them; a model built without a
 * reader (tests, benches) has had every one of its rows read and planned.
 */
export function inputCounts(model: Model): InputCounts {
  return (
    model.inputs ?? {
      campaigns: allPlanned(model.campaigns.length),
      credits: allPlanned(model.credits.length),
      topUps: allPlanned(model.topUps.length),
      spendHistory: allPlanned(model.spendHistory.length),
      adGroups: allPlanned(0),
    }
  );
}

/** R16: true when no row of any sheet was skipped. */
export function isComplete(inputs: InputCounts): boolean {
  return Object.values(inputs).every((sheet: SheetCounts) => sheet.skipped === 0);
}
