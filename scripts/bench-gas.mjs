// Apps Script bench, through the built dist/Code.js in node:vm (as Apps
// Script loads it) on the L account (2,000 campaigns × 300 credits × 365
// days): CREDIT_PLAN with every range passed as 2D arrays, "Write plan to
// sheets" against the Sheets stand-in (test/gas/fakeSpreadsheet.ts: the real
// grid, so the output sheets must grow), and the size of Code.js.
// Apps Script runs slower than Node and custom functions stop at 30 s, hence
// the 1.5 s goal here. `scripts/bench.mjs` calls `benchGas()`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { importTs } from "./importTs.mjs";

const GOAL_MS = 1500;
// Our own budget, not an Apps Script limit: a project file this size still opens and
// saves in the script editor; it keeps start-up parsing of each execution small.
const GOAL_KB = 250;
const RUNS = 5;
const MS_PER_DAY = 86_400_000;

/** The L account's tables with Dates of the given realm (Sheets builds them in the sheet zone, UTC here). */
async function lTables(makeDate) {
  const { syntheticModel, modelToTables } = await importTs("scripts/syntheticWorkbook.ts");
  const model = syntheticModel("L");
  return { model, tables: modelToTables(model, (day) => makeDate(day * MS_PER_DAY)) };
}

function median(times) {
  const sorted = [...times].sort((x, y) => x - y);
  return sorted[Math.floor(sorted.length / 2)];
}

/** CREDIT_PLAN with every range a formula can pass (CONTRACT §5), as Sheets hands them. */
async function benchCustomFunction(code) {
  const context = vm.createContext({
    SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => "Etc/UTC" }) },
  });
  vm.runInContext(code, context, { filename: "Code.js" });
  const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
  const { model, tables } = await lTables(makeDate);
  const ranges = [
    tables.campaigns,
    tables.credits,
    tables.account,
    tables.topUps,
    tables.spendHistory,
    tables.adGroups ?? "",
  ];
  const times = [];
  const cpu = [];
  let rows = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const table = context.CREDIT_PLAN(...ranges);
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    rows = table.length - 1;
  }
  return { model, times, cpu, rows, ranges: ranges.filter((r) => r !== "").length };
}

/** "Write plan to sheets" on L through Code.js against the Sheets stand-in, fresh and on top of its output. */
async function benchWritePlan(code) {
  const { callLog, FakeSpreadsheet, fakeServices } = await importTs("test/gas/fakeSpreadsheet.ts");
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: "Code.js" });
  const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
  const spreadsheet = new FakeSpreadsheet("Etc/UTC", callLog(), makeDate);
  const services = fakeServices(spreadsheet);
  for (const name of ["SpreadsheetApp", "HtmlService", "LockService", "ScriptApp"]) {
    context[name] = services[name];
  }
  const { tables } = await lTables(makeDate);
  spreadsheet._addSheet("Campaigns", tables.campaigns);
  spreadsheet._addSheet("Credits", tables.credits);
  spreadsheet._addSheet("Account", tables.account);
  spreadsheet._addSheet("Top-ups", tables.topUps);
  spreadsheet._addSheet("Spend history", tables.spendHistory);
  const times = [];
  const cpu = [];
  const outputs = [];
  for (let run = 0; run < 2; run++) {
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const result = context.writePlanToSheets();
    const used = process.cpuUsage(cpuStarted);
    times.push(performance.now() - started);
    cpu.push((used.user + used.system) / 1000);
    outputs.push(JSON.stringify([result.sheets, spreadsheet.sheets.length]));
  }
  // The second run rewrites the same sheets in place.
  if (outputs[0] !== outputs[1]) throw new Error(`Write plan again wrote elsewhere: ${outputs}`);
  const drawdown = spreadsheet._sheet("Credit drawdown");
  const written = JSON.parse(outputs[0])[0];
  const cells = written
    .map((name) => spreadsheet._sheet(name)._extent())
    .reduce((sum, { rows, columns }) => sum + rows * columns, 0);
  return {
    times,
    cpu,
    cells,
    sheets: written.length,
    calls: spreadsheet.log.calls.length / 2,
    drawdown: `${drawdown.getMaxRows()}×${drawdown.getMaxColumns()}`,
  };
}

export async function benchGas() {
  if (!existsSync("dist/Code.js")) execFileSync(process.execPath, ["scripts/build.mjs"]);
  const code = readFileSync("dist/Code.js", "utf8");
  const custom = await benchCustomFunction(code);
  const write = await benchWritePlan(code);
  const customMedian = median(custom.times);
  const sizeKb = statSync("dist/Code.js").size / 1024;
  const verdict = (ok) => (ok ? "ok" : "OVER GOAL");
  const shape = `${custom.model.campaigns.length}×${custom.model.credits.length}×${custom.model.account.horizonDays}`;
  return [
    "Apps Script bundle (dist/Code.js in node:vm)",
    "measure                                              value      goal      ",
    `CREDIT_PLAN, L account (${shape}), ${custom.ranges} ranges as 2D arrays, median of ${RUNS}  ${customMedian.toFixed(0).padStart(6)} ms  ≤ ${GOAL_MS} ms  ${verdict(customMedian <= GOAL_MS)} (first run ${custom.times[0].toFixed(0)} ms; CPU median ${median(custom.cpu).toFixed(0)} ms; ${custom.rows} credit rows)`,
    `Write plan to sheets, L account, Sheets stand-in: first ${write.times[0].toFixed(0)} ms (CPU ${write.cpu[0].toFixed(0)} ms), again on its own output ${write.times[1].toFixed(0)} ms (CPU ${write.cpu[1].toFixed(0)} ms) (${write.cells} cells in ${write.sheets} sheets, ${write.calls} service calls per run, drawdown grid ${write.drawdown})`,
    `Code.js size                                       ${sizeKb.toFixed(1).padStart(7)} KB  ≤ ${GOAL_KB} KB   ${verdict(sizeKb <= GOAL_KB)}`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const line of await benchGas()) console.log(line);
}
