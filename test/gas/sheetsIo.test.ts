import { beforeEach, describe, expect, it } from "vitest";
import { parseIsoDate } from "../../src/core";
import { OWNED_KEY } from "../../src/gas/spreadsheetPort";
import { dateForDay } from "../../src/gas/zonedDates";
import { addOn } from "./addOn";
import { callLog, FakeSpreadsheet, fakeServices, type StoredValue } from "./fakeSpreadsheet";
import { SHEET_ZONE, workbookRows } from "./workbook";

type Services = ReturnType<typeof fakeServices>;

let services: Services;

/** Installs the fake services as Apps Script's globals and returns the spreadsheet. */
function install(spreadsheet: FakeSpreadsheet): FakeSpreadsheet {
  services = fakeServices(spreadsheet);
  Object.assign(globalThis, {
    SpreadsheetApp: services.SpreadsheetApp,
    HtmlService: services.HtmlService,
    LockService: services.LockService,
    ScriptApp: services.ScriptApp,
  });
  return spreadsheet;
}

/** Date cells as Sheets builds them: local midnight in the spreadsheet zone (R1). */
const sheetDate = (iso: string) => dateForDay(parseIsoDate(iso)!, SHEET_ZONE);

function spreadsheetWith(campaignCount: number): FakeSpreadsheet {
  const spreadsheet = install(new FakeSpreadsheet(SHEET_ZONE, callLog()));
  const rows = workbookRows(campaignCount, sheetDate);
  spreadsheet._addSheet("Campaigns", rows.campaigns);
  spreadsheet._addSheet("credits", rows.credits); // names are matched case-insensitively
  spreadsheet._addSheet("Account", rows.account);
  return spreadsheet;
}

function snapshot(values: StoredValue[][]): string {
  return JSON.stringify(values);
}

/** A cell compared by what it holds (Dates by instant). */
function held(value: StoredValue | undefined): unknown {
  return value instanceof Date ? value.getTime() : value;
}

beforeEach(() => {
  install(new FakeSpreadsheet("UTC", callLog()));
});

describe("reading is batched", () => {
  it("plans 5,000 campaign rows with as many service calls as 5 rows, ≤ 10 in all", () => {
    const counts = [5, 5000].map((n) => {
      const spreadsheet = spreadsheetWith(n);
      const plan = addOn.getPlan(null);
      expect(plan.campaigns).toHaveLength(n);
      return spreadsheet.log.calls.length;
    });
    expect(counts[1]).toBe(counts[0]);
    // getActive, getSheets, a name per tab (3), one read per input sheet (3), the time zone.
    expect(counts[0]).toBeLessThanOrEqual(10);
  });

  it("reads each input sheet with one getSheetValues() call", () => {
    const spreadsheet = spreadsheetWith(20);
    addOn.getPlan(null);
    expect(spreadsheet.log.count("Sheet.getSheetValues")).toBe(3);
    expect(spreadsheet.log.count("Range.getValues")).toBe(0);
  });

  it("an empty input sheet is read through its data range and reported, not thrown on", () => {
    const spreadsheet = spreadsheetWith(5);
    spreadsheet._addSheet("Top-ups", []);
    const plan = addOn.getPlan(null);
    expect(plan.campaigns).toHaveLength(5);
    expect(spreadsheet.log.count("Sheet.getDataRange")).toBe(1);
    expect(plan.warnings.some((w) => w.sheet === "Top-ups")).toBe(true);
  });
});

describe("getPlan (CONTRACT §4)", () => {
  it("returns plain JSON without any Date, with the draw-down series", () => {
    spreadsheetWith(4);
    const plan = addOn.getPlan(null);
    expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
    expect(plan.start).toBe("2026-12-01");
    expect(plan.series?.days).toBe(45);
  });

  it("applies what-if changes without writing anything", () => {
    const spreadsheet = spreadsheetWith(4);
    const before = addOn.getPlan(null);
    spreadsheet.log.reset();
    const after = addOn.getPlan([{ kind: "status", campaign: "101", status: "paused" }]);
    expect(spreadsheet.log.count("Range.set")).toBe(0);
    const spend = (plan: typeof before) => plan.campaigns.find((c) => c.id === "101")?.spend;
    expect(spend(before)).toBeGreaterThan(0);
    expect(spend(after)).toBe(0);
  });

  it("throws a message naming the sheet and column when a required column is missing", () => {
    const spreadsheet = install(new FakeSpreadsheet(SHEET_ZONE, callLog()));
    spreadsheet._addSheet("Campaigns", [["Campaign ID"], ["1"]]);
    spreadsheet._addSheet("Credits", workbookRows(1).credits);
    expect(() => addOn.getPlan(null)).toThrow(/Campaigns.*Budget|Budget.*Campaigns/);
  });
});

describe("writePlanToSheets (CONTRACT §4)", () => {
  it("never touches a sheet it does not own and takes another name", () => {
    const spreadsheet = spreadsheetWith(5);
    const foreign = spreadsheet._addSheet("Credit plan", [["my notes", 42]]);
    const foreignBefore = snapshot(foreign._values());
    const result = addOn.writePlanToSheets();
    expect(snapshot(foreign._values())).toBe(foreignBefore);
    expect(foreign.metadata).toHaveLength(0);
    expect(result.sheets).toContain("Credit plan (2)");
    expect(result.notes.join(" ")).toMatch(/Credit plan \(2\)/);
    expect(spreadsheet._sheet("Credit plan (2)")?.metadata[0]?.key).toBe(OWNED_KEY);
  });

  it("stores formula-like user text as text, never as a formula", () => {
    const spreadsheet = spreadsheetWith(5);
    addOn.writePlanToSheets();
    const sheet = spreadsheet._sheet("Campaign plan")!;
    const cells = [...sheet.cells.values()];
    expect(cells.some((c) => c.formula !== null)).toBe(false);
    expect(cells.some((c) => c.value === '=IMPORTXML("http://x","//a")')).toBe(true);
  });

  it("a second run replaces only its own sheets", () => {
    const spreadsheet = spreadsheetWith(5);
    const foreign = spreadsheet._addSheet("Plan warnings", [["keep me"]]);
    const inputBefore = snapshot(spreadsheet._sheet("Campaigns")!._values());
    const first = addOn.writePlanToSheets();
    const sheetCount = spreadsheet.sheets.length;
    const drawdownFirst = snapshot(spreadsheet._sheet("Credit drawdown")!._values());
    const second = addOn.writePlanToSheets();
    expect(second.sheets).toEqual(first.sheets);
    expect(spreadsheet.sheets).toHaveLength(sheetCount);
    expect(snapshot(foreign._values())).toBe(snapshot([["keep me"]]));
    expect(snapshot(spreadsheet._sheet("Campaigns")!._values())).toBe(inputBefore);
    expect(snapshot(spreadsheet._sheet("Credit drawdown")!._values())).toBe(drawdownFirst);
    expect(spreadsheet._sheet("Credit drawdown")!.charts).toHaveLength(1);
    expect(services.locks.taken).toBe(2);
    expect(services.locks.held).toBe(0);
  });

  it("writes one setValues() per output sheet, whatever the size (R1 dates as zoned Dates)", () => {
    const counts = [5, 2000].map((n) => {
      const spreadsheet = spreadsheetWith(n);
      spreadsheet.log.reset();
      addOn.writePlanToSheets();
      const growth = spreadsheet.log.count("Sheet.insertRowsAfter");
      return {
        setValues: spreadsheet.log.count("Range.setValues"),
        growth,
        total: spreadsheet.log.calls.length - growth,
      };
    });
    // Summary, Credit plan, Campaign plan, Credit drawdown, Recommendations, Plan warnings.
    expect(counts[0].setValues).toBe(6);
    expect(counts[0].growth).toBe(0);
    // 2,000 campaigns do not fit a new sheet's 1000 rows: one insert grows the Campaign plan,
    // one the Plan summary (a row per stopping campaign, R14).
    expect(counts[1]).toEqual({ ...counts[0], growth: 2 });
  });

  it("writes draw-down dates that show the plan's days in the spreadsheet zone (R1)", () => {
    const spreadsheet = spreadsheetWith(3);
    addOn.writePlanToSheets();
    const values = spreadsheet._sheet("Credit drawdown")!._values();
    expect(values[0][0]).toBe("Date");
    expect(values[0].at(-1)).toBe("Cash");
    const first = values[1][0] as Date;
    expect(first.getTime()).toBe(sheetDate("2026-12-01").getTime());
    expect(values).toHaveLength(46);
  });
});

describe("applyRecommendation (R6, CONTRACT §4)", () => {
  it("writes exactly the Assigned campaigns cell and appends one log row", () => {
    const spreadsheet = spreadsheetWith(5);
    const credits = spreadsheet._sheet("credits")!;
    const before = credits._values();
    const result = addOn.applyRecommendation("C3", ["101", "104"]);
    const after = credits._values();
    const changed: string[] = [];
    after.forEach((row, r) => {
      row.forEach((value, c) => {
        if (held(value) !== held(before[r]?.[c])) changed.push(`${r}:${c}`);
      });
    });
    expect(changed).toEqual(["3:7"]); // H4: C3's Assigned campaigns
    expect(after[3][7]).toBe("101, 104");
    expect(result).toEqual({ credit: "C3", before: "", after: "101, 104" });
    const log = spreadsheet._sheet("Assignment log")!._values();
    expect(log).toHaveLength(2);
    expect(log[0]).toEqual(["When", "Credit", "Before", "After"]);
    expect(log[1].slice(1)).toEqual(["C3", "", "101, 104"]);
    addOn.applyRecommendation("C3", ["102"]);
    const log2 = spreadsheet._sheet("Assignment log")!._values();
    expect(log2).toHaveLength(3);
    expect(log2[2].slice(1)).toEqual(["C3", "101, 104", "102"]);
  });

  it("rejects an unknown credit without writing", () => {
    const spreadsheet = spreadsheetWith(2);
    spreadsheet.log.reset();
    expect(() => addOn.applyRecommendation("NOPE", ["101"])).toThrow(/NOPE/);
    expect(spreadsheet.log.count("Range.set")).toBe(0);
  });
});

describe("menu, sidebar, templates, selection", () => {
  it("onOpen in AuthMode.NONE touches nothing but the menu", () => {
    const spreadsheet = spreadsheetWith(2);
    spreadsheet.log.reset();
    addOn.onOpen({ authMode: "NONE" } as unknown as GoogleAppsScript.Events.SheetsOnOpen);
    expect(spreadsheet.log.calls.every((c) => /^(SpreadsheetApp\.getUi|Ui\.|Menu\.)/.test(c))).toBe(
      true,
    );
    expect(services.menuItems).toEqual([
      "Open planner→showPlanner",
      "Create template sheets→createTemplateSheets",
      "Write plan to sheets→writePlanToSheets",
      "Email me daily alerts→enableDailyAlerts",
      "Stop daily alerts→disableDailyAlerts",
      "Help→showHelp",
    ]);
  });

  it("showPlanner opens the Sidebar file", () => {
    const spreadsheet = spreadsheetWith(1);
    addOn.showPlanner();
    expect(spreadsheet.log.calls).toContain("HtmlService.createHtmlOutputFromFile:Sidebar");
    expect(spreadsheet.log.calls).toContain("Ui.showSidebar");
  });

  it("createTemplateSheets adds only the missing sheets and never touches existing ones", () => {
    const spreadsheet = install(new FakeSpreadsheet(SHEET_ZONE, callLog()));
    const mine = spreadsheet._addSheet("campaigns", [["my own", "data"]]);
    const added = addOn.createTemplateSheets();
    expect(added).toEqual(["Credits", "Account", "Top-ups", "Spend history", "Ad groups"]);
    expect(snapshot(mine._values())).toBe(snapshot([["my own", "data"]]));
    const credits = spreadsheet._sheet("Credits")!;
    expect(credits._values()[0]).toContain("Assigned campaigns");
    expect(credits.frozenRows).toBe(1);
    expect(credits.validations.length).toBeGreaterThanOrEqual(2);
    expect(addOn.createTemplateSheets()).toEqual([]);
  });

  it("the templates read back as a plan", () => {
    install(new FakeSpreadsheet(SHEET_ZONE, callLog()));
    addOn.createTemplateSheets();
    const plan = addOn.getPlan(null);
    expect(plan.campaigns.length).toBeGreaterThan(0);
  });

  it("selectCell activates the warning's cell", () => {
    const spreadsheet = spreadsheetWith(1);
    addOn.selectCell("Credits", "H4");
    expect(spreadsheet.active).toEqual({ sheet: "credits", row: 4, column: 8 });
    expect(() => addOn.selectCell("Credits", "not a cell")).toThrow(/cell address/);
  });
});
