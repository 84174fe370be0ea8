// Apps Script bench: CREDIT_PLAN on the L account (2,000 campaigns × 300
// credits × 365 days) passed as 2D arrays, through the built dist/Code.js in
// node:vm (as Apps Script loads it), plus the size of Code.js.
// Apps Script runs slower than Node and custom functions stop at 30 s, hence
// the 1.5 s goal here. `scripts/bench.mjs` calls `benchGas()`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { importTs } from "./importTs.mjs";

const GOAL_MS = 1500;
const GOAL_KB = 150;
const RUNS = 5;
const MS_PER_DAY = 86_400_000;

export async function benchGas() {
  if (!existsSync("dist/Code.js")) execFileSync(process.execPath, ["scripts/build.mjs"]);
  const code = readFileSync("dist/Code.js", "utf8");
  const context = vm.createContext({
    SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => "Etc/UTC" }) },
  });
  vm.runInContext(code, context, { filename: "Code.js" });
  const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
  const { syntheticModel, modelToTables } = await importTs("scripts/syntheticWorkbook.ts");
  const model = syntheticModel("L");
  // Sheets hands Apps Script Dates built in the spreadsheet's zone (UTC here).
  const tables = modelToTables(model, (day) => makeDate(day * MS_PER_DAY));
  const ranges = [tables.campaigns, tables.credits, tables.account];

  const times = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const table = context.CREDIT_PLAN(...ranges);
    times.push(performance.now() - started);
    rows = table.length - 1;
  }
  const sorted = [...times].sort((x, y) => x - y);
  const median = sorted[Math.floor(sorted.length / 2)];
  const sizeKb = statSync("dist/Code.js").size / 1024;
  const verdict = (ok) => (ok ? "ok" : "OVER GOAL");
  return [
    "Apps Script bundle (dist/Code.js in node:vm)",
    "measure                                              value      goal      ",
    `CREDIT_PLAN, L account as 2D arrays (${model.campaigns.length}×${model.credits.length}×${model.account.horizonDays}), median of ${RUNS}  ${median.toFixed(0).padStart(6)} ms  ≤ ${GOAL_MS} ms  ${verdict(median <= GOAL_MS)} (first run ${times[0].toFixed(0)} ms, ${rows} credit rows)`,
    `Code.js size                                       ${sizeKb.toFixed(1).padStart(7)} KB  ≤ ${GOAL_KB} KB   ${verdict(sizeKb <= GOAL_KB)}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchGas()) console.log(line);
}
