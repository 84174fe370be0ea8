/**
 * R16: the sentence every face leads with when input rows were skipped; it
 * reads the counts the plan carries (engine `Plan.inputs` and JSON `inputs`
 * have one shape). The sidebar gets these sentences in getPlan's JSON
 * (`skippedRows`), since it imports only types from src/sheets.
 */

interface Counts {
  rows: number;
  skipped: number;
}

type SheetKey = "campaigns" | "credits" | "topUps" | "spendHistory" | "adGroups";

const ROW_WORDS: Record<SheetKey, string> = {
  campaigns: "campaign",
  credits: "credit",
  topUps: "top-up",
  spendHistory: "spend history",
  adGroups: "ad group",
};

/**
 * One line per sheet with skipped rows, e.g. "3 of 8 campaign rows were
 * skipped — this plan leaves them out"; empty when the plan is complete.
 */
export function skippedRowsNotes(inputs: Record<SheetKey, Counts>): string[] {
  const notes: string[] = [];
  for (const key of Object.keys(ROW_WORDS) as SheetKey[]) {
    const { rows, skipped } = inputs[key];
    if (skipped === 0) continue;
    const all = skipped === rows;
    const count = !all ? `${skipped} of ${rows}` : rows === 1 ? "The only" : `All ${rows}`;
    const were = skipped === 1 ? "was" : "were";
    const them = skipped === 1 ? "it" : "them";
    notes.push(
      `${count} ${ROW_WORDS[key]} row${rows === 1 ? "" : "s"} ${were} skipped — this plan leaves ${them} out`,
    );
  }
  return notes;
}
