/**
 * Property (issue 12): any mix of the accepted spellings for the same data
 * gives the same plan — header aliases (case, spaces, `_ - .` too), money
 * (`1234.5`, `$1,234.50`, `1234.50 USD`, a number), dates (ISO, API date-time,
 * ISO with zone, month names, slash and dot dates in the Account's Date
 * order, a date cell), enum spellings (BUDGET_MODE_DAY, Daily), country names
 * and codes (US, USA, United States) and list separators (SHEETS.md "Cell
 * values", "Real exports (spec v3)").
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dayFromYmd, ymdFromDay } from "../../src/core";
import {
  CAMPAIGN_COLUMNS,
  type Cell,
  CREDIT_COLUMNS,
  planToJson,
  readAndPlan,
  type Table,
} from "../../src/sheets";
import { DATE_ORDER_TABLE, type DateOrder } from "../../src/sheets/dateText";
import { BUDGET_MODE_TABLE } from "../../src/sheets/enums";

const START = dayFromYmd(2026, 12, 1);
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const COUNTRY_SPELLINGS: Record<string, readonly string[]> = {
  US: ["US", "us", "USA", "United States", "United States of America", "U.S."],
  CA: ["CA", "CAN", "Canada", "canada"],
  GB: ["GB", "UK", "GBR", "United Kingdom", "Great Britain"],
};

interface CampaignData {
  budget: number; // cents
  lifetime: boolean;
  start: number; // day offset from plan start
  length: number;
  countries: string[];
}
interface CreditData {
  amount: number; // cents
  used: number;
  issue: number;
  validity: number;
  countries: string[];
}

const countries = fc.subarray(["US", "CA", "GB"]);
const campaignData = fc.record({
  budget: fc.integer({ min: 100, max: 500_000 }),
  lifetime: fc.boolean(),
  start: fc.integer({ min: -20, max: 20 }),
  length: fc.integer({ min: 1, max: 60 }),
  countries,
});
const creditData = fc
  .record({
    amount: fc.integer({ min: 100, max: 1_000_000 }),
    usedShare: fc.integer({ min: 0, max: 100 }),
    issue: fc.integer({ min: -30, max: 10 }),
    validity: fc.integer({ min: 0, max: 90 }),
    countries,
  })
  .map(({ usedShare, ...c }) => ({ ...c, used: Math.floor((c.amount * usedShare) / 200) }));

/** A choice for every spelling decision, drawn once per cell or header. */
type Pick = (n: number) => number;

function headerSpelling(specs: typeof CAMPAIGN_COLUMNS, field: string, pick: Pick): string {
  const spec = specs.find((s) => s.field === field);
  if (!spec) throw new Error(field);
  const names = [spec.name, ...spec.aliases];
  const name = names[pick(names.length)];
  // Headers are matched ignoring case, spaces, `_`, `-` and `.`.
  switch (pick(4)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return name.toLowerCase().replace(/ /g, "_");
    case 2:
      return ` ${name} `;
    default:
      return name;
  }
}

function moneySpelling(cents: number, pick: Pick): Cell {
  const whole = Math.floor(cents / 100);
  const fraction = String(cents % 100).padStart(2, "0");
  const grouped = whole.toLocaleString("en-US");
  switch (pick(6)) {
    case 0:
      return cents / 100;
    case 1:
      return `${whole}.${fraction}`;
    case 2:
      return `$${grouped}.${fraction}`;
    case 3:
      return `${grouped}.${fraction} USD`;
    case 4:
      return `USD ${whole}.${fraction}0`;
    default:
      return cents % 100 === 0 ? String(whole) : `${whole}.${fraction}`;
  }
}

const pad = (n: number) => String(n).padStart(2, "0");

function dateSpelling(day: number, order: DateOrder, pick: Pick): Cell {
  const [y, m, d] = ymdFromDay(day);
  const iso = `${y}-${pad(m)}-${pad(d)}`;
  switch (pick(9)) {
    case 0:
      return new Date(Date.UTC(y, m - 1, d)); // a date cell (the CLI's xlsx gives UTC midnights)
    case 1:
      return `${iso} ${pick(24)}:00:00`;
    case 2:
      return `${iso}T00:00:00.000000Z`;
    case 3:
      return `${MONTHS[m - 1]} ${d}, ${y}`;
    case 4:
      return `${d} ${MONTH_NAMES[m - 1]} ${y}`;
    case 5:
      return `${pad(d)}-${MONTHS[m - 1]}-${y}`;
    case 6: {
      const sep = pick(2) === 0 ? "/" : ".";
      if (order === "mdy") return `${pad(m)}${sep}${pad(d)}${sep}${y}`;
      if (order === "dmy") return `${d}${sep}${m}${sep}${y}`;
      return `${y}${sep}${pad(m)}${sep}${pad(d)}`;
    }
    case 7:
      return `${y}/${m}/${d}`;
    default:
      return iso;
  }
}

function listSpelling(codes: readonly string[], pick: Pick): string {
  const separators = [", ", ";", "\n", " ; "];
  const separator = separators[pick(separators.length)];
  return codes
    .map((code) => {
      const spellings = COUNTRY_SPELLINGS[code];
      return spellings[pick(spellings.length)];
    })
    .join(separator);
}

function enumSpelling(labelAndSpellings: readonly string[], pick: Pick): string {
  return labelAndSpellings[pick(labelAndSpellings.length)];
}

function workbookOf(
  campaigns: CampaignData[],
  credits: CreditData[],
  order: DateOrder,
  pick: Pick,
): Record<string, Table> {
  const campaignFields = ["id", "budgetMode", "budget", "startDate", "endDate", "countries"];
  const creditFields = ["id", "type", "amount", "used", "issueDate", "validUntil", "countries"];
  const modeSpellings = (lifetime: boolean) => {
    const row = lifetime ? BUDGET_MODE_TABLE.lifetime : BUDGET_MODE_TABLE.daily;
    return [row.label, ...row.spellings];
  };
  const orderRow = DATE_ORDER_TABLE[order];
  return {
    campaigns: [
      campaignFields.map((f) => headerSpelling(CAMPAIGN_COLUMNS, f, pick)),
      ...campaigns.map((c, i) => [
        `c${i}`,
        enumSpelling(modeSpellings(c.lifetime), pick),
        moneySpelling(c.lifetime ? c.budget * 10 : c.budget, pick),
        dateSpelling(START + c.start, order, pick),
        dateSpelling(START + c.start + c.length, order, pick),
        listSpelling(c.countries, pick),
      ]),
    ],
    credits: [
      creditFields.map((f) => headerSpelling(CREDIT_COLUMNS, f, pick)),
      ...credits.map((c, i) => [
        `k${i}`,
        enumSpelling(["Free", "free", "Free credit", "FREE"], pick),
        moneySpelling(c.amount, pick),
        moneySpelling(c.used, pick),
        dateSpelling(START + c.issue, order, pick),
        dateSpelling(START + c.issue + c.validity, order, pick),
        listSpelling(c.countries, pick),
      ]),
    ],
    account: [
      ["Setting", "Value"],
      ["Plan start", dateSpelling(START, order, pick)],
      ["Horizon days", "45"],
      ["Cash balance", moneySpelling(2_000_00, pick)],
      ["Date order", enumSpelling([orderRow.label, ...orderRow.spellings], pick)],
    ],
  };
}

/** The plan as every face sees it; warnings by what they point at (messages quote the cell as written). */
function planOf(tables: Record<string, Table>) {
  const result = readAndPlan(tables, {
    now: Date.UTC(2026, 11, 1, 12),
    spreadsheetTimeZone: "UTC",
  });
  if (!result.ok) throw new Error(result.error);
  const { warnings, ...json } = planToJson(result.plan);
  return {
    ...json,
    warnings: warnings.map((w) => [w.code, w.severity, w.sheet, w.cell, w.credit, w.campaign]),
  };
}

describe("spellings do not change the plan (issue 12)", () => {
  it("any mix of header aliases, money, date, enum and country spellings plans like the canonical sheet", () => {
    fc.assert(
      fc.property(
        fc.array(campaignData, { minLength: 1, maxLength: 4 }),
        fc.array(creditData, { minLength: 1, maxLength: 3 }),
        fc.constantFrom<DateOrder>("mdy", "dmy", "ymd"),
        fc.infiniteStream(fc.nat()),
        (campaigns, credits, order, choices) => {
          const canonical = planOf(workbookOf(campaigns, credits, "mdy", () => 0));
          const stream = choices[Symbol.iterator]();
          const pick: Pick = (n) => (stream.next().value as number) % n;
          const spelled = planOf(workbookOf(campaigns, credits, order, pick));
          expect(spelled).toEqual(canonical);
          expect(spelled.warnings.filter((w) => w[1] === "error")).toEqual([]);
        },
      ),
      { numRuns: 200 },
    );
  });
});
