// Deterministic synthetic workbook as CSV files (SHEETS.md), for the CLI
// benchmark: `writeSyntheticWorkbook(dir, { campaigns, credits, days, seed })`
// writes campaigns.csv, credits.csv, account.csv, topups.csv and
// spend-history.csv. The same options always write the same bytes.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** mulberry32: small, fast, deterministic. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const PRODUCTS = ["In-Feed Ads", "Spark Ads", "Shopping Ads", "Search Ads"];
const COUNTRIES = ["US", "CA", "GB", "DE", "FR", "JP"];
const DAY_MS = 86_400_000;
const PLAN_START = Date.UTC(2026, 11, 1);

const iso = (offsetDays) => new Date(PLAN_START + offsetDays * DAY_MS).toISOString().slice(0, 10);
const field = (value) => {
  const text = String(value ?? "");
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};
const csv = (rows) => `${rows.map((row) => row.map(field).join(",")).join("\n")}\n`;

export function syntheticWorkbookTables({
  campaigns = 2000,
  credits = 300,
  days = 365,
  seed = 42,
} = {}) {
  const random = prng(seed);
  const int = (min, max) => min + Math.floor(random() * (max - min + 1));
  const pick = (items) => items[Math.floor(random() * items.length)];
  const money = (min, max) => (min + random() * (max - min)).toFixed(2);
  const ids = Array.from({ length: campaigns }, (_, i) =>
    String(7_000_000_000_000_000_000n + BigInt(i)),
  );

  const campaignRows = [
    [
      "Campaign ID",
      "Campaign name",
      "Status",
      "Budget mode",
      "Budget",
      "Spent to date",
      "Start date",
      "End date",
      "Ad product",
      "Countries",
    ],
  ];
  for (let i = 0; i < campaigns; i++) {
    const roll = random();
    const mode =
      roll < 0.7 ? "Daily" : roll < 0.85 ? "Lifetime" : roll < 0.95 ? "No limit" : "Dynamic daily";
    const start = random() < 0.3 ? int(0, days - 1) : null;
    const end =
      mode === "Lifetime" || random() < 0.3
        ? Math.min(days + 30, (start ?? 0) + int(14, days))
        : null;
    const status = random() < 0.85 ? "Active" : pick(["Paused", "Scheduled", "Completed", "Draft"]);
    const budget =
      mode === "Lifetime" ? money(500, 20000) : mode === "No limit" ? "" : money(10, 500);
    campaignRows.push([
      ids[i],
      `Campaign ${i}`,
      status,
      mode,
      budget,
      mode === "Lifetime" ? money(0, 200) : "",
      start === null ? "" : iso(start),
      end === null ? "" : iso(end),
      pick(PRODUCTS),
      random() < 0.5 ? pick(COUNTRIES) : `${pick(COUNTRIES)}, ${pick(COUNTRIES)}`,
    ]);
  }

  const creditRows = [
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
  ];
  for (let i = 0; i < credits; i++) {
    const roll = random();
    const type =
      roll < 0.3
        ? "Free"
        : roll < 0.6
          ? "Assignable"
          : roll < 0.7
            ? "Conditional"
            : roll < 0.8
              ? "Business Center (BC)"
              : roll < 0.9
                ? "Spend-match"
                : "Coupon";
    const amount = Number(money(50, 5000));
    const row = Array(creditRows[0].length).fill("");
    row[0] = `CR-${String(i).padStart(5, "0")}`;
    row[1] = `${type} credit ${i}`;
    row[2] = type;
    row[3] = amount.toFixed(2);
    if (type === "Spend-match") {
      row[5] = "Earning";
      row[13] = money(1000, 20000);
      row[14] = money(0, 500);
      if (random() < 0.5) row[15] = iso(int(30, days));
    } else if (type === "Coupon") {
      row[5] = "To redeem";
      row[16] = iso(int(0, days - 1));
      if (random() < 0.7) row[17] = iso(int(0, days + 30));
    } else {
      row[5] = "Available";
      row[4] = (amount * random() * 0.3).toFixed(2);
      row[6] = iso(-int(0, 20));
      if (random() < 0.5) row[7] = iso(int(0, days));
      else row[8] = String(int(15, 120));
    }
    if (type === "Assignable") {
      const count = int(0, 8);
      row[9] = Array.from({ length: count }, () => pick(ids)).join("; ");
    }
    if (type === "Conditional") {
      row[12] = money(100, 2000);
      if (random() < 0.5) row[13] = money(100, 5000);
    }
    if (random() < 0.1) row[10] = pick(PRODUCTS);
    if (random() < 0.1) row[11] = pick(COUNTRIES);
    creditRows.push(row);
  }

  const accountRows = [
    ["Setting", "Value"],
    ["Currency", "USD"],
    ["Time zone", "UTC-08:00"],
    ["Plan start", iso(0)],
    ["Horizon days", days],
    ["Cash balance", money(50_000, 500_000)],
    ["Fallback payment", "Card"],
    ["Card limit", money(100_000, 2_000_000)],
    ["Holidays", "2026-12-25, 2027-01-01"],
  ];
  const topUpRows = [["Date", "Amount"]];
  for (let d = 14; d < days; d += 30) topUpRows.push([iso(d), money(10_000, 200_000)]);
  const historyRows = [["Date", "Campaign ID", "Spend"]];
  for (let d = -7; d < 0; d++) {
    for (let i = 0; i < campaigns; i += 3)
      historyRows.push([`${iso(d)} 00:00:00`, ids[i], money(0, 400)]);
  }
  return {
    "campaigns.csv": campaignRows,
    "credits.csv": creditRows,
    "account.csv": accountRows,
    "topups.csv": topUpRows,
    "spend-history.csv": historyRows,
  };
}

/** Writes the synthetic workbook's CSV files into `dir` (created when missing). */
export function writeSyntheticWorkbook(dir, options = {}) {
  mkdirSync(dir, { recursive: true });
  for (const [file, rows] of Object.entries(syntheticWorkbookTables(options))) {
    writeFileSync(join(dir, file), csv(rows));
  }
  return dir;
}
