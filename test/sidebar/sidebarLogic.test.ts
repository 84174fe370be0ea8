/** The sidebar's pure parts: summary, chart lines, table order, formats, what-if list. */
import { describe, expect, test } from "vitest";
import type { CampaignJson, CreditJson, PlanJson } from "../../src/sheets/planJson";
import { chartData, MAX_CREDIT_LINES } from "../../src/sidebar/chartData";
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
    ...fields,
  };
}

describe("summary", () => {
  test("credit left now adds every credit's remaining amount without float drift (R2)", () => {
    const credits = [0.1, 0.2, 0.7].map((v, i) => credit(`C${i}`, { remainingAtStart: v }));
    expect(summarize(plan({ credits })).creditLeftNow).toBe(1);
  });

  test("first expiry is the earliest day a credit is lost with money left (R8)", () => {
    const credits = [
      credit("A", { expired: 0, expiresOn: "2026-12-02" }),
      credit("B", { expired: 5, expiresOn: "2026-12-09" }),
      credit("C", { expired: 1, expiresOn: "2026-12-05" }),
    ];
    expect(summarize(plan({ credits })).firstExpiryOn).toBe("2026-12-05");
  });

  test("cash needed is cash plus card; first fallback is the earliest campaign day (R10)", () => {
    const base = plan();
    const s = summarize({
      ...base,
      totals: { ...base.totals, cashFunded: 10.5, cardFunded: 4.25 },
      campaigns: [
        campaign("1", { cashFallbackOn: "2026-12-08" }),
        campaign("2", { cashFallbackOn: null }),
        campaign("3", { cashFallbackOn: "2026-12-03" }),
      ],
    });
    expect(s.cashNeeded).toBe(14.75);
    expect(s.firstFallbackOn).toBe("2026-12-03");
  });

  test("no event in the horizon stays null", () => {
    const s = summarize(plan({ campaigns: [campaign("1")], credits: [credit("A")] }));
    expect([s.firstExpiryOn, s.firstFallbackOn, s.cashRunsOutOn]).toEqual([null, null, null]);
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

  test("many credits: the biggest 8 are drawn and the rest summed into one line", () => {
    const amounts = Array.from({ length: 300 }, (_, i) => 1000 + ((i * 37) % 300));
    const data = chartData(seriesPlan(amounts));
    if (!data) throw new Error("expected a chart");
    const creditLines = data.lines.filter((l) => l.kind === "credit");
    expect(creditLines).toHaveLength(MAX_CREDIT_LINES);
    const biggest = [...amounts].sort((a, b) => b - a).slice(0, MAX_CREDIT_LINES);
    const drawn = creditLines.map((l) => amounts[Number(l.label.slice(1))]);
    expect([...drawn].sort((a, b) => b - a)).toEqual(biggest);
    const others = data.lines.find((l) => l.kind === "others");
    const total = amounts.reduce((sum, v) => sum + v, 0);
    expect(others?.label).toBe(`${300 - MAX_CREDIT_LINES} other credits`);
    // Every day, the drawn lines plus "others" add up to every credit's balance.
    for (let d = 0; d < days; d++) {
      const drawnSum = creditLines.reduce((sum, l) => sum + l.values[d], 0);
      expect(drawnSum + (others?.values[d] ?? 0)).toBeCloseTo(total - 300 * d, 6);
    }
  });
});

describe("table order", () => {
  test("at-risk credits come first, most lost first, then soonest last usable day", () => {
    const credits = [
      credit("safe-late", { lastUsableDay: "2026-12-30" }),
      credit("risk-small", { expired: 5 }),
      credit("safe-soon", { lastUsableDay: "2026-12-05" }),
      credit("risk-big", { expired: 50 }),
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
