// Spend history reader bench (issue 12; called by scripts/bench.mjs, or run
// alone: `node scripts/bench-reader.mjs`): 100,000 Spend history rows as a
// connector writes the Business API's hourly campaign report (Airbyte
// `campaigns_reports_hourly`: campaign_id, stat_time_hour and a `metrics`
// cell holding the record's metrics as JSON), against the same spend as
// 100,000 plain daily rows with a Spend column. Goal: the reader stays
// within 2 s for 100,000 rows, as for campaign rows.
import { pathToFileURL } from "node:url";
import { importTs } from "./importTs.mjs";

const ROWS = 100_000;
const CAMPAIGNS = 100;
const RUNS = 5;

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

const pad = (n) => String(n).padStart(2, "0");

/** The day and hour of row `i`: each campaign has ROWS / CAMPAIGNS consecutive hours from 2026-10-01. */
function hourOf(i) {
  const hour = Math.floor(i / CAMPAIGNS);
  const date = new Date(Date.UTC(2026, 9, 1) + hour * 3_600_000);
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  return { day, time: `${day} ${pad(date.getUTCHours())}:00:00` };
}

/** A report's metrics record, with the other metrics a real one carries around `spend`. */
function metrics(i) {
  return JSON.stringify({
    video_watched_2s: 493,
    ctr: "1.09",
    likes: 18,
    cpc: "0.39",
    cpm: "4.26",
    spend: `${(i % 40) + 1}.${pad(i % 100)}`,
    reach: "3822",
    impressions: "4696",
    campaign_name: `Campaign ${i % CAMPAIGNS}`,
    clicks: "51",
    frequency: "1.23",
  });
}

function campaignsTable() {
  const rows = [["Campaign ID", "Campaign name", "Budget"]];
  for (let c = 0; c < CAMPAIGNS; c++)
    rows.push([String(1_800_000_000_000_000_000n + BigInt(c)), `Campaign ${c}`, "500"]);
  return rows;
}

function hourlyMetricsRows() {
  const rows = [["campaign_id", "stat_time_hour", "metrics"]];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      String(1_800_000_000_000_000_000n + BigInt(i % CAMPAIGNS)),
      hourOf(i).time,
      metrics(i),
    ]);
  }
  return rows;
}

function plainDailyRows() {
  const rows = [["Date", "Campaign ID", "Spend"]];
  for (let i = 0; i < ROWS; i++) {
    rows.push([
      hourOf(i).day,
      String(1_800_000_000_000_000_000n + BigInt(i % CAMPAIGNS)),
      `${(i % 40) + 1}.${pad(i % 100)}`,
    ]);
  }
  return rows;
}

function timeRead(readWorkbook, spendHistory) {
  const tables = {
    campaigns: campaignsTable(),
    credits: [["Credit ID", "Type", "Amount"]],
    spendHistory,
  };
  const times = [];
  let total = 0;
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const read = readWorkbook(tables, { today: 20_423, timeZone: "UTC" });
    times.push(performance.now() - started);
    if (!read.ok || read.model.spendHistory.length === 0)
      throw new Error("reader bench: wrong result");
    if (read.warnings.some((w) => w.severity === "error"))
      throw new Error("reader bench: rows skipped");
    total = read.model.spendHistory.reduce((sum, r) => sum + r.amount, 0);
  }
  return { ms: median(times), total };
}

export async function benchReader() {
  const { readWorkbook } = await importTs("scripts/benchModules.ts");
  const hourly = timeRead(readWorkbook, hourlyMetricsRows());
  const plain = timeRead(readWorkbook, plainDailyRows());
  // Same spend either way: the hourly rows add up into their days.
  if (hourly.total !== plain.total) throw new Error("reader bench: hourly and daily totals differ");
  const row = (name, ms) =>
    `${name.padEnd(62)} ${ms.toFixed(0).padStart(9)} ${"≤ 2000".padStart(9)}  ${ms <= 2000 ? "ok" : "OVER"}`;
  return [
    `Spend history reader (readWorkbook, median of ${RUNS} runs, ms)`,
    `${"what".padEnd(62)} ${"median".padStart(9)} ${"goal".padStart(9)}`,
    row("100,000 hourly rows, metrics JSON cells (Airbyte hourly report)", hourly.ms),
    row("100,000 daily rows, plain Spend column", plain.ms),
    `  ${CAMPAIGNS} campaigns × ${ROWS / CAMPAIGNS} hours; spend read ${(hourly.total / 100).toFixed(2)} in both`,
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log((await benchReader()).join("\n"));
}
