// Apps Script bench: CREDIT_PLAN on the L account (2,000 campaigns × 300
// credits × 365 days) passed as 2D arrays, through the built dist/Code.js in
// node:vm (as Apps Script loads it), plus the size of Code.js.
// Apps Script runs slower than Node and custom functions stop at 30 s, hence
// the 1.5 s goal here. `scripts/bench.mjs` calls `benchGas()`.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import vm from "node:vm";
import { build } from "esbuild";

const GOAL_MS = 1500;
const GOAL_KB = 150;
const RUNS = 5;
const MS_PER_DAY = 86_400_000;

const STATUS = {
  active: "Active",
  scheduled: "Scheduled",
  paused: "Paused",
  draft: "Draft",
  archived: "Archived",
  deleted: "Deleted",
  completed: "Completed",
};
const BUDGET_MODE = {
  daily: "Daily",
  lifetime: "Lifetime",
  no_limit: "No limit",
  dynamic_daily: "Dynamic daily",
};
const CREDIT_TYPE = {
  free: "Free",
  assignable: "Assignable",
  conditional: "Conditional",
  business_center: "Business Center",
  spend_match: "Spend-match",
  coupon: "Coupon",
};
const CREDIT_STATUS = {
  available: "Available",
  earning: "Earning",
  to_redeem: "To redeem",
  used: "Used",
  expired: "Expired",
  not_available: "Not available",
};

/** The engine bench's deterministic L model (scripts/synthetic.ts). */
async function syntheticL() {
  const outfile = join(tmpdir(), `bench-gas-synthetic-${process.pid}.mjs`);
  await build({
    entryPoints: ["scripts/synthetic.ts"],
    outfile,
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "warning",
  });
  try {
    return (await import(pathToFileURL(outfile).href)).syntheticModel("L");
  } finally {
    rmSync(outfile, { force: true });
  }
}

/** The model as the Campaigns, Credits and Account ranges Sheets would pass (zone UTC). */
function modelToRanges(model, makeDate) {
  const major = (minor) => (minor === null ? "" : minor / 10 ** model.account.minorUnits);
  const date = (day) => (day === null ? "" : makeDate(day * MS_PER_DAY));
  const campaigns = [
    [
      "Campaign ID",
      "Campaign name",
      "Status",
      "Budget mode",
      "Budget",
      "Expected daily spend",
      "Spent to date",
      "Start date",
      "End date",
      "Ad product",
      "Countries",
    ],
    ...model.campaigns.map((c) => [
      c.id,
      c.name,
      STATUS[c.status],
      BUDGET_MODE[c.budgetMode],
      major(c.budget),
      major(c.expectedDailySpend),
      major(c.spentToDate),
      date(c.startDate),
      date(c.endDate),
      c.adProduct ?? "",
      c.countries.join(", "),
    ]),
  ];
  const credits = [
    [
      "Credit ID",
      "Name",
      "Type",
      "Amount",
      "Used",
      "Status",
      "Issue date",
      "Valid until",
      "Validity days",
      "Assigned campaigns",
      "Ad products",
      "Countries",
      "Min cash balance",
      "Spend threshold",
      "Spend so far",
      "Earn by",
      "Redeem on",
      "Redeem by",
    ],
    ...model.credits.map((c) => [
      c.id,
      c.name,
      CREDIT_TYPE[c.type],
      major(c.amount),
      major(c.used),
      CREDIT_STATUS[c.status],
      date(c.issueDate),
      date(c.validUntil),
      c.validityDays ?? "",
      c.assignedCampaigns.join(", "),
      c.adProducts.join(", "),
      c.countries.join(", "),
      major(c.minCashBalance),
      major(c.spendThreshold),
      major(c.spendSoFar),
      date(c.earnBy),
      date(c.redeemOn),
      date(c.redeemBy),
    ]),
  ];
  const a = model.account;
  const account = [
    ["Setting", "Value"],
    ["Plan start", date(a.planStart)],
    ["Horizon days", a.horizonDays],
    ["Cash balance", major(a.cashBalance)],
    ["Fallback payment", a.fallbackPayment === "card" ? "Card" : "None"],
    ["Card limit", major(a.cardLimit)],
    ["One promotion at a time", a.onePromotionAtATime ? "Yes" : "No"],
  ];
  return [campaigns, credits, account];
}

export async function benchGas() {
  if (!existsSync("dist/Code.js")) execFileSync(process.execPath, ["scripts/build.mjs"]);
  const code = readFileSync("dist/Code.js", "utf8");
  const context = vm.createContext({
    SpreadsheetApp: { getActive: () => ({ getSpreadsheetTimeZone: () => "Etc/UTC" }) },
  });
  vm.runInContext(code, context, { filename: "Code.js" });
  const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
  const model = await syntheticL();
  const ranges = modelToRanges(model, makeDate);

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
