// `npm run bench`: speed and memory of every part, on deterministic synthetic
// accounts. Each engine size runs in its own process so its peak memory
// (max RSS) is its own. The other parts' benches are called when present.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { pathToFileURL } from "node:url";
import { bundleTs, importTs } from "./importTs.mjs";

const GOALS_MS = { L: 300, XL: 4000 };
const RUNS = { S: 21, M: 9, L: 7, XL: 3 };

async function benchEngine() {
  const script = await bundleTs("scripts/bench-engine.ts");
  const lines = [
    "Rules engine (simulate), median of runs, peak memory of its own process",
    "size  campaigns credits days  campaign-days  median ms  µs/campaign-day  peak RSS MB  goal",
  ];
  for (const size of ["S", "M", "L", "XL"]) {
    const child = spawnSync(process.execPath, [script, size, String(RUNS[size])], {
      encoding: "utf8",
    });
    if (child.status !== 0) throw new Error(`engine bench ${size} failed: ${child.stderr}`);
    const r = JSON.parse(child.stdout.trim().split("\n").pop());
    const perDay = (r.medianMs * 1000) / r.campaignDays;
    const goal = GOALS_MS[size] ? `≤ ${GOALS_MS[size]} ms` : "";
    lines.push(
      [
        size.padEnd(4),
        String(r.campaigns).padStart(9),
        String(r.credits).padStart(7),
        String(r.days).padStart(4),
        String(r.campaignDays).padStart(14),
        r.medianMs.toFixed(0).padStart(10),
        perDay.toFixed(3).padStart(16),
        r.maxRssMb.toFixed(0).padStart(12),
        ` ${goal}`,
      ].join(" "),
    );
  }
  return lines;
}

const sections = [["engine", benchEngine]];
if (existsSync("scripts/bench-recommend.ts")) {
  sections.push([
    "recommendations",
    async () => (await importTs("scripts/bench-recommend.ts")).benchRecommend(),
  ]);
}
if (existsSync("scripts/bench-advice.ts")) {
  sections.push(["advice", async () => (await importTs("scripts/bench-advice.ts")).benchAdvice()]);
}
for (const [file, fn] of [
  ["scripts/bench-sheets.mjs", "benchSheets"],
  ["scripts/bench-reader.mjs", "benchReader"],
  ["scripts/bench-gas.mjs", "benchGas"],
  ["scripts/bench-sidebar.mjs", "benchSidebar"],
]) {
  if (existsSync(file)) {
    sections.push([file, async () => (await import(pathToFileURL(file)))[fn]()]);
  }
}

const only = process.argv.slice(2);
for (const [name, run] of sections) {
  if (only.length > 0 && !only.some((o) => name.includes(o))) continue;
  const lines = await run();
  console.log(`\n${lines.join("\n")}`);
}
