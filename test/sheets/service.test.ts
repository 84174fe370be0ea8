import { describe, expect, it } from "vitest";
import { dayFromYmd, defaultAccount, type Model } from "../../src/core";
import type { Table } from "../../src/sheets";
import { CAMPAIGN_STATUSES, CREDIT_TYPE_LABELS } from "../../src/sheets/labels";
import {
  applyRecommendation,
  chooseOwnedSheetName,
  getPlan,
  parseA1,
  selectCell,
  writePlan,
} from "../../src/sheets/service";
import { applyWhatIf, parseWhatIf } from "../../src/sheets/whatIf";
import { campaign } from "../core/builders";
import { memoryPort } from "./memoryPort";

const TODAY = dayFromYmd(2026, 12, 1);

function tables(): { campaigns: Table; credits: Table; account: Table } {
  return {
    campaigns: [
      ["Campaign ID", "Campaign name", "Status", "Budget mode", "Budget"],
      ["101", "Spring", "Active", "Daily", 40],
      ["102", "Brand", "Active", "Daily", 25],
      ["103", "Retarget", "Paused", "Daily", 10],
    ],
    credits: [
      ["Credit ID", "Type", "Amount", "Status", "Issue date", "Assigned campaigns"],
      ["C1", "Free", 100, "Available", "2026-11-25", ""],
      ["C2", "Assignable", 300, "Available", "2026-11-28", ""],
    ],
    account: [
      ["Setting", "Value"],
      ["Plan start", "2026-12-01"],
      ["Horizon days", 30],
      ["Cash balance", 2000],
    ],
  };
}

function model(minorUnits: number): Model {
  return {
    account: { ...defaultAccount(TODAY), minorUnits, currency: minorUnits === 0 ? "JPY" : "USD" },
    campaigns: [
      campaign("A", { name: "x", budget: 1000 }),
      campaign("B", { name: "x", budget: 1000 }),
    ],
    credits: [],
    topUps: [],
    spendHistory: [],
  };
}

describe("what-if (sidebar edits, never written)", () => {
  it("R2: converts a budget in major units to the currency's minor units", () => {
    expect(
      applyWhatIf(model(2), [{ kind: "budget", campaign: "A", budget: 12.345 }]).campaigns[0]
        .budget,
    ).toBe(1235);
    expect(
      applyWhatIf(model(0), [{ kind: "budget", campaign: "A", budget: 12.5 }]).campaigns[0].budget,
    ).toBe(13);
  });

  it("returns a new model and leaves the given one untouched", () => {
    const original = model(2);
    const frozen = structuredClone(original);
    const changed = applyWhatIf(original, [
      { kind: "status", campaign: "B", status: "paused" },
      { kind: "budget", campaign: "A", budget: 5 },
    ]);
    expect(original).toEqual(frozen);
    expect(changed.campaigns.map((c) => [c.status, c.budget])).toEqual([
      ["active", 500],
      ["paused", 1000],
    ]);
  });

  it("throws naming an unknown campaign or credit", () => {
    expect(() =>
      applyWhatIf(model(2), [{ kind: "status", campaign: "Z", status: "paused" }]),
    ).toThrow(/'Z'/);
    expect(() =>
      applyWhatIf(model(2), [{ kind: "assign", credit: "CX", campaigns: ["A"] }]),
    ).toThrow(/'CX'/);
  });

  it("parses what crossed google.script.run and rejects malformed changes", () => {
    expect(parseWhatIf(null)).toEqual([]);
    expect(parseWhatIf([{ kind: "status", campaign: 101, status: "Paused" }])).toEqual([
      { kind: "status", campaign: "101", status: "paused" },
    ]);
    expect(() => parseWhatIf({})).toThrow(/list/);
    expect(() => parseWhatIf([{ kind: "budget", campaign: "A", budget: -1 }])).toThrow(/budget/);
    expect(() => parseWhatIf([{ kind: "status", campaign: "A", status: "running" }])).toThrow(
      /running/,
    );
    expect(() => parseWhatIf([{ kind: "delete" }])).toThrow(/delete/);
  });
});

describe("server service over a port", () => {
  it("getPlan re-plans with what-if changes and never writes (R6: an assignment makes C2 usable)", () => {
    const port = memoryPort(tables(), TODAY);
    const asIs = getPlan(port, null);
    const assigned = getPlan(port, [{ kind: "assign", credit: "C2", campaigns: ["101"] }]);
    const used = (plan: typeof asIs) => plan.credits.find((c) => c.id === "C2")?.used;
    expect(used(asIs)).toBe(0);
    expect(used(assigned)).toBeGreaterThan(0);
    expect(port.writes).toBe(0);
    expect(port.log).toEqual([]);
    expect(asIs.series?.credits.map((c) => c.id)).toEqual(["C1", "C2"]);
  });

  it("getPlan carries the labels the sidebar shows, so the sidebar imports only types", () => {
    const json = getPlan(memoryPort(tables(), TODAY), null);
    expect(json.credits.map((c) => [c.type, c.typeLabel])).toEqual(
      json.credits.map((c) => [c.type, CREDIT_TYPE_LABELS[c.type]]),
    );
    expect(json.campaignStatuses?.map((s) => s.value)).toEqual(CAMPAIGN_STATUSES);
    expect(json.campaignStatuses?.find((s) => s.value === "paused")?.label).toBe("Paused");
  });

  it("getPlan can leave R12 out so the plan shows first (R12 recommendations follow)", () => {
    const port = memoryPort(tables(), TODAY);
    const quick = getPlan(port, null, { recommendations: false });
    const full = getPlan(port, null);
    expect(quick.recommendationsPending).toBe(true);
    expect(quick.recommendations).toEqual([]);
    expect(full.recommendationsPending).toBeUndefined();
    expect(full.recommendations.map((r) => r.credit)).toEqual(["C2"]);
    expect(quick.credits).toEqual(full.credits);
    expect(quick.campaigns).toEqual(full.campaigns);
  });

  it("getPlan throws a clear error when the workbook cannot be read", () => {
    const port = memoryPort({ ...tables(), credits: [["Credit ID"], ["C1"]] }, TODAY);
    expect(() => getPlan(port, null)).toThrow(/cannot be planned.*Credits/);
  });

  it("applyRecommendation writes one cell and logs before/after", () => {
    const port = memoryPort(tables(), TODAY);
    const result = applyRecommendation(port, "C2", ["101", "102"]);
    expect(result).toEqual({ credit: "C2", before: "", after: "101, 102" });
    expect(port.writes).toBe(1);
    expect(port.tables.credits?.[2][5]).toBe("101, 102");
    expect(port.log).toEqual([["2026-12-01 09:00:00", "C2", "", "101, 102"]]);
    expect(() => applyRecommendation(port, "C2", "101")).toThrow(/list/);
  });

  it("writePlan writes the six owned sheets and takes another name beside a foreign sheet", () => {
    const port = memoryPort(tables(), TODAY);
    port.foreign.add("Plan warnings");
    const result = writePlan(port);
    expect(result.sheets).toEqual([
      "Plan summary",
      "Credit plan",
      "Campaign plan",
      "Credit drawdown",
      "Recommendations",
      "Plan warnings (2)",
    ]);
    expect(result.notes).toHaveLength(1);
    const drawdown = port.owned.get("Credit drawdown");
    expect(drawdown?.lineChart).toBe(true);
    expect(drawdown?.seriesLabels?.at(-1)).toBe("Cash");
    expect(drawdown?.currency).toBe("USD");
    expect(drawdown?.table.header).toEqual(["Date", "C1", "C2", "Cash"]);
    expect(drawdown?.table.rows).toHaveLength(30);
    expect(drawdown?.table.rows[0][3]).toBeLessThanOrEqual(2000);
  });

  it("chooseOwnedSheetName skips only foreign names", () => {
    const foreign = new Set(["X", "X (2)"]);
    expect(chooseOwnedSheetName("X", (n) => (foreign.has(n) ? "foreign" : "missing"))).toBe(
      "X (3)",
    );
    expect(chooseOwnedSheetName("Y", () => "owned")).toBe("Y");
  });

  it("selectCell validates the address before selecting", () => {
    const port = memoryPort(tables(), TODAY);
    selectCell(port, "Credits", "f3");
    expect(port.selected).toBe("Credits!F3");
    expect(() => selectCell(port, "Credits", "3F")).toThrow(/cell address/);
    expect(parseA1("AA12")).toEqual({ row: 11, column: 26 });
  });
});
