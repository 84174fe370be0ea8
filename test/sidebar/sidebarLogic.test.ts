/** The sidebar's pure parts: summary, chart lines, table order, formats, what-if list. */
import { describe, expect, test } from "vitest";
import type { CampaignJson, CreditJson, PlanJson } from "../../src/sheets/planJson";
import { chartData, stopBands } from "../../src/sidebar/chartData";
import { addDays, day, daysBetween, setLocale, shortId } from "../../src/sidebar/format";
import { atRiskFirst, compareValues, sortRows } from "../../src/sidebar/sorting";
import { summarize } from "../../src/sidebar/summary";
import { parseIdList, withChange } from "../../src/sidebar/whatIfPanel";

function credit(id: string, fields: Partial<CreditJson> = {}): CreditJson {
  return {
    id,
    name: "",
    type: "free",
    typeLabel: "Free",
    status: "available",
    amount: 100,
    remainingAtStart: 100,
    issued: 0,
    available: 100,
    atRisk: 0,
    issuedOn: "2026-11-01",
    lastUsableDay: "2026-12-31",
    used: 0,
    expired: 0,
    remainingAtEnd: 100,
    depletedOn: null,
    expiresOn: null,
    assignedCampaigns: [],
    ...fields,
  };
}

function campaign(id: string, fields: Partial<CampaignJson> = {}): CampaignJson {
  return {
    id,
    name: `Campaign ${id}`,
    demand: 0,
    demandFrom: "budget",
    spend: 0,
    creditFunded: 0,
    cashFunded: 0,
    cardFunded: 0,
    undelivered: 0,
    cashFallbackOn: null,
    stoppedOn: null,
    stops: [],
    ...fields,
  };
}

function plan(fields: Partial<PlanJson> = {}): PlanJson {
  return {
    currency: "USD",
    minorUnits: 2,
    start: "2026-12-01",
    end: "2026-12-10",
    totals: {
      spend: 0,
      creditFunded: 0,
      cashFunded: 0,
      cardFunded: 0,
      undelivered: 0,
      creditExpired: 0,
      creditBlocked: 0,
      moneyNeeded: 0,
      creditAtStart: 0,
      creditIssued: 0,
      creditAvailable: 0,
      creditAtRisk: 0,
      outOfPocket: 0,
      firstExpiryOn: null,
      firstFallbackOn: null,
    },
    inputs: {
      campaigns: { rows: 0, planned: 0, skipped: 0 },
      credits: { rows: 0, planned: 0, skipped: 0 },
      topUps: { rows: 0, planned: 0, skipped: 0 },
      spendHistory: { rows: 0, planned: 0, skipped: 0 },
      adGroups: { rows: 0, planned: 0, skipped: 0 },
    },
    complete: true,
    credits: [],
    campaigns: [],
    account: {
      cashAtStart: 0,
      cashAtEnd: 0,
      cashRunsOutOn: null,
      cardCharged: 0,
      cardLimit: null,
      cardLimitReachedOn: null,
    },
    warnings: [],
    recommendations: [],
    creditUpperBound: 0,
    campaignStatuses: [{ value: "active", label: "Active" }],
    advice: { topUps: [], total: 0, cardPaysWithAdvice: 0, replans: 0 },
    alerts: null,
    ...fields,
  };
}

describe("summary", () => {
  test("shows the plan's own totals: nothing is added or compared in the sidebar", () => {
    const base = plan();
    const totals = {
      ...base.totals,
      creditAtStart: 0.3,
      creditIssued: 0.7,
      creditAvailable: 1,
      creditFunded: 0.6,
      creditExpired: 0.4,
      cashFunded: 10.5,
      cardFunded: 4.25,
      outOfPocket: 14.75,
      firstExpiryOn: "2026-12-05",
      firstFallbackOn: "2026-12-03",
    };
    // Rows that would give other answers if the sidebar summed or compared them.
    const s = summarize({
      ...base,
      totals,
      credits: [credit("A", { remainingAtStart: 99, expired: 5, expiresOn: "2026-12-01" })],
      campaigns: [campaign("1", { cashFallbackOn: "2026-12-02" })],
    });
    expect(s).toMatchObject({
      creditAvailable: 1,
      creditAtStart: 0.3,
      creditIssued: 0.7,
      willBeUsed: 0.6,
      willExpire: 0.4,
      firstExpiryOn: "2026-12-05",
      cashNeeded: 14.75,
      firstFallbackOn: "2026-12-03",
    });
  });
});

describe("chart lines", () => {
  const days = 4;
  function seriesPlan(amounts: number[]): PlanJson {
    const credits = amounts.map((amount, i) =>
      credit(`C${i}`, {
        remainingAtStart: amount,
        // C0 loses money at expiry; C1 expires too, but used up before: no marker.
        expiresOn: i <= 1 ? "2026-12-03" : null,
        expired: i === 0 ? 5 : 0,
      }),
    );
    return plan({
      credits,
      series: {
        start: "2026-12-01",
        days,
        credits: credits.map((c) => ({
          id: c.id,
          remaining: Array.from({ length: days }, (_, d) => c.remainingAtStart - d),
        })),
        others: null,
        cash: [50, 40, -10, -20],
        undelivered: [0, 0, 0, 0],
        topUps: [],
        landings: [],
      },
    });
  }

  test("no series, no chart", () => {
    expect(chartData(plan())).toBeNull();
  });

  test("a few credits each get a line, in sheet order, plus cash", () => {
    const data = chartData(seriesPlan([10, 30, 20]));
    expect(data?.lines.map((l) => l.label)).toEqual(["C0", "C1", "C2", "Cash"]);
    // The expiry day is marked at its index from plan start.
    expect(data?.lines[0].expiryIndex).toBe(2);
    expect(data?.lines[1].expiryIndex).toBeNull();
    // Credits and cash have their own scales.
    expect(data?.creditMax).toBe(30);
    expect([data?.cashMin, data?.cashMax]).toEqual([-20, 50]);
  });

  test("the server's others line is drawn as given, labelled with its count (R2: BHD)", () => {
    const base = seriesPlan([10, 30]);
    const series = base.series;
    if (!series) throw new Error("expected a series");
    const data = chartData({
      ...base,
      currency: "BHD",
      minorUnits: 3,
      series: { ...series, others: { count: 3, remaining: [2.468, 2.468, 1.234, 0] } },
    });
    const others = data?.lines.find((l) => l.kind === "others");
    expect(others?.label).toBe("3 other credits");
    expect(others?.values).toEqual([2.468, 2.468, 1.234, 0]);
  });
});

describe("stop bands and money coming in (R14, R13)", () => {
  test("R14: a band is each maximal run of days with undelivered demand, ends included", () => {
    expect(stopBands([0, 0, 0])).toEqual([]);
    expect(stopBands([1, 2, 0, 0, 3, 0, 0.01, 0.01])).toEqual([
      { from: 0, to: 1 },
      { from: 4, to: 4 },
      { from: 6, to: 7 },
    ]);
  });

  test("R14: bands, top-ups and landings by day index; events outside the horizon are left out", () => {
    const days = 5;
    const data = chartData({
      ...plan(),
      credits: [credit("SM", { name: "Spend match" })],
      series: {
        start: "2026-12-01",
        days,
        credits: [],
        others: null,
        cash: [0, 0, 0, 0, 0],
        undelivered: [0, 5, 5, 0, 2],
        topUps: [
          { date: "2026-12-04", amount: 10, advised: false },
          { date: "2026-12-02", amount: 7.5, advised: true },
          { date: "2027-01-10", amount: 100, advised: false },
        ],
        landings: [{ date: "2026-12-03", credit: "SM", amount: 50 }],
      },
    });
    expect(data?.stopBands).toEqual([
      { from: 1, to: 2 },
      { from: 4, to: 4 },
    ]);
    expect(data?.topUps.map((t) => [t.index, t.amount, t.advised])).toEqual([
      [3, 10, false],
      [1, 7.5, true],
    ]);
    expect(data?.landings.map((l) => [l.index, l.label, l.amount])).toEqual([
      [2, "Spend match", 50],
    ]);
  });
});

describe("table order", () => {
  test("at-risk credits come first, most lost first, then soonest last usable day", () => {
    const credits = [
      credit("safe-late", { lastUsableDay: "2026-12-30" }),
      credit("risk-small", { expired: 5, atRisk: 5 }),
      credit("safe-soon", { lastUsableDay: "2026-12-05" }),
      credit("risk-big", { expired: 50, atRisk: 50 }),
      credit("safe-none", { lastUsableDay: null }),
    ];
    expect(atRiskFirst(credits).map((c) => c.id)).toEqual([
      "risk-big",
      "risk-small",
      "safe-soon",
      "safe-late",
      "safe-none",
    ]);
  });

  test("sorting is stable and puts missing days last in both directions", () => {
    const rows = [
      { id: "a", day: "2026-12-03" },
      { id: "b", day: null },
      { id: "c", day: "2026-12-01" },
      { id: "d", day: "2026-12-03" },
    ];
    expect(sortRows(rows, (r) => r.day, "asc").map((r) => r.id)).toEqual(["c", "a", "d", "b"]);
    expect(sortRows(rows, (r) => r.day, "desc").map((r) => r.id)).toEqual(["a", "d", "c", "b"]);
    expect(compareValues(2, 10, "asc")).toBeLessThan(0);
  });
});

describe("formats", () => {
  test("one date style: the locale's short date with the year, a dash for no day", () => {
    setLocale(null);
    expect(day("2026-12-25")).toBe("Dec 25, 2026");
    expect(day("2027-01-01")).toBe("Jan 1, 2027");
    expect(day(null)).toBe("—");
    // Apps Script spells locales with an underscore.
    setLocale("de_DE");
    expect(day("2026-12-25")).toBe("25. Dez. 2026");
    setLocale("not a locale");
    expect(day("2026-12-25")).toBe("Dec 25, 2026");
  });

  test("long ids are shortened to their ends; short ones stay whole", () => {
    expect(shortId("7123456789012345678")).toBe("7123…5678");
    expect(shortId("C1")).toBe("C1");
    expect(shortId("1234567890123456")).toBe("1234567890123456");
  });

  test("day arithmetic on YYYY-MM-DD is calendar exact (R1)", () => {
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(daysBetween("2026-12-01", "2027-03-01")).toBe(90);
  });
});

describe("what-if list", () => {
  test("a newer change to the same campaign and kind replaces the older one", () => {
    let changes = withChange([], { kind: "budget", campaign: "1", budget: 10 });
    changes = withChange(changes, { kind: "status", campaign: "1", status: "paused" });
    changes = withChange(changes, { kind: "budget", campaign: "1", budget: 20 });
    expect(changes).toEqual([
      { kind: "status", campaign: "1", status: "paused" },
      { kind: "budget", campaign: "1", budget: 20 },
    ]);
  });

  test("assignment ids split on comma, semicolon or new line, trimmed (SHEETS.md lists)", () => {
    expect(parseIdList(" 1, 2;3\n 4 ,, ")).toEqual(["1", "2", "3", "4"]);
  });
});
