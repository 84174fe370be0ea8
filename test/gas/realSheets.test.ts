/**
 * The add-on against the faithful stand-in (issue 11): the grid, Plain text
 * ids, ID_PRECISION_LOST, names that differ only in case, scopes, the lock
 * and google.script.run.
 */
import { beforeEach, describe, expect, it } from "vitest";
import { modelToTables, syntheticModel } from "../../scripts/syntheticWorkbook";
import { rangeTables } from "../../src/gas/customFunctions";
import { OWNED_KEY, spreadsheetPort } from "../../src/gas/spreadsheetPort";
import { callServer } from "../../src/sidebar/rpc";
import { addOn } from "./addOn";
import {
  callLog,
  type FakeSheet,
  FakeSpreadsheet,
  fakeScriptRun,
  fakeServices,
  SHEETS_MESSAGES,
} from "./fakeSpreadsheet";
import { SHEET_ZONE, workbookRows } from "./workbook";

type Services = ReturnType<typeof fakeServices>;
let services: Services;

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

const empty = () => install(new FakeSpreadsheet(SHEET_ZONE, callLog()));

function spreadsheetWith(campaignCount: number): FakeSpreadsheet {
  const spreadsheet = empty();
  const rows = workbookRows(campaignCount);
  spreadsheet._addSheet("Campaigns", rows.campaigns);
  spreadsheet._addSheet("Credits", rows.credits);
  spreadsheet._addSheet("Account", rows.account);
  return spreadsheet;
}

/** A pasted row of text under the sheet's header, by column name. */
function rowUnder(sheet: FakeSheet, cells: Record<string, string>): string[] {
  const header = sheet._values()[0] as string[];
  for (const name of Object.keys(cells)) expect(header, name).toContain(name);
  return header.map((name) => cells[name] ?? "");
}

const ID_A = "1790123456789012345";
const ID_B = "1790123456789012399"; // the same 15 leading digits as ID_A

beforeEach(() => {
  empty();
});

describe("Create template sheets on an empty spreadsheet", () => {
  it("works twice in a row: every sheet formatted to row 1001, then nothing to add", () => {
    const spreadsheet = empty();
    const added = addOn.createTemplateSheets();
    expect(added).toEqual([
      "Campaigns",
      "Credits",
      "Account",
      "Top-ups",
      "Spend history",
      "Ad groups",
    ]);
    for (const name of added) {
      const sheet = spreadsheet._sheet(name)!;
      expect(sheet.getMaxRows()).toBeGreaterThanOrEqual(1001);
      expect(sheet.frozenRows).toBe(1);
    }
    expect(spreadsheet.log.count("Sheet.insertRowsAfter")).toBe(added.length);
    expect(addOn.createTemplateSheets()).toEqual([]);
    expect(spreadsheet.sheets).toHaveLength(added.length);
  });

  it("formats every id column as Plain text down to row 1001", () => {
    const spreadsheet = empty();
    addOn.createTemplateSheets();
    const idColumns: [string, string][] = [
      ["Campaigns", "Campaign ID"],
      ["Credits", "Credit ID"],
      ["Credits", "Assigned campaigns"],
      ["Spend history", "Campaign ID"],
      ["Ad groups", "Ad group ID"],
      ["Ad groups", "Campaign ID"],
    ];
    for (const [name, header] of idColumns) {
      const sheet = spreadsheet._sheet(name)!;
      const column = (sheet._values()[0] as string[]).indexOf(header) + 1;
      expect(column, `${name}!${header}`).toBeGreaterThan(0);
      expect(sheet._cell(2, column)?.format).toBe("@");
      expect(sheet._cell(1001, column)?.format).toBe("@");
    }
  });

  it("19-digit ids pasted into the templates keep every digit and plan as pasted", () => {
    const spreadsheet = empty();
    addOn.createTemplateSheets();
    const campaigns = spreadsheet._sheet("Campaigns")!;
    const campaignRow = (id: string) =>
      rowUnder(campaigns, {
        "Campaign ID": id,
        Status: "Active",
        "Budget mode": "Daily",
        Budget: "50",
        "Start date": "2026-11-15",
      });
    campaigns._paste(2, 1, [campaignRow(ID_A), campaignRow(ID_B)]);
    const credits = spreadsheet._sheet("Credits")!;
    credits._paste(3, 1, [
      rowUnder(credits, {
        "Credit ID": "ASSIGN-001",
        Type: "Assignable",
        Amount: "500",
        Status: "Available",
        "Issue date": "2026-11-25",
        "Valid until": "2026-12-24",
        "Assigned campaigns": `${ID_A}, ${ID_B}`,
      }),
    ]);
    expect(campaigns._cell(2, 1)?.value).toBe(ID_A);
    const plan = addOn.getPlan(null, { recommendations: false });
    const ids = plan.campaigns.map((c) => c.id);
    expect(ids).toContain(ID_A);
    expect(ids).toContain(ID_B);
    expect(plan.warnings.filter((w) => w.severity === "error")).toEqual([]);
    const credit = plan.credits.find((c) => c.id === "ASSIGN-001");
    expect(credit).toBeDefined();
  });
});

describe("ids pasted into General cells (SHEETS Real exports, ID_PRECISION_LOST)", () => {
  it("R11: each id that lost digits is an error naming its cell; no merged or lost credit", () => {
    const spreadsheet = spreadsheetWith(3);
    const campaigns = spreadsheet._sheet("Campaigns")!;
    campaigns._paste(5, 1, [
      [ID_A, "A", "Active", "Daily", "50"],
      [ID_B, "B", "Active", "Daily", "50"],
    ]);
    const credits = spreadsheet._sheet("Credits")!;
    credits._paste(5, 1, [["C9", "Assignable", "300", "0", "Available", "2026-11-25", "", ID_A]]);
    expect(campaigns._cell(5, 1)?.value).toBe(campaigns._cell(6, 1)?.value); // both rounded
    const plan = addOn.getPlan(null);
    const lost = plan.warnings.filter((w) => w.code === "ID_PRECISION_LOST");
    expect(lost.map((w) => `${w.sheet}!${w.cell}`)).toEqual([
      "Campaigns!A5",
      "Campaigns!A6",
      "Credits!H5",
    ]);
    for (const warning of lost) {
      expect(warning.severity).toBe("error");
      expect(warning.message).toContain(
        "the id was stored as a number and lost digits; format the column as Plain text and paste the ids again",
      );
    }
    expect(plan.warnings.some((w) => w.code === "DUPLICATE_ID")).toBe(false);
    expect(plan.credits.some((c) => c.id === "C9")).toBe(false);
    expect(plan.campaigns).toHaveLength(3);
  });
});

describe("Write plan to sheets against the real grid", () => {
  it("writes past 1000 rows and 26 columns, and again on top of its own output", () => {
    // The S account, its campaigns copied to 1,200 and its credits to 30.
    const tables = modelToTables(syntheticModel("S"));
    const copies = <T>(count: number, rows: T[][]) =>
      Array.from({ length: count }, (_, n) =>
        rows.map((row) => [n === 0 ? row[0] : `${row[0]}-${n}`, ...row.slice(1)]),
      ).flat();
    const campaignRows = tables.campaigns.slice(1);
    const creditRows = tables.credits.slice(1);
    const spreadsheet = empty();
    spreadsheet._addSheet("Campaigns", [
      tables.campaigns[0],
      ...copies(Math.ceil(1200 / campaignRows.length), campaignRows).slice(0, 1200),
    ]);
    spreadsheet._addSheet("Credits", [tables.credits[0], ...copies(3, creditRows)]);
    spreadsheet._addSheet("Account", tables.account);
    const first = addOn.writePlanToSheets();
    const campaignPlan = spreadsheet._sheet("Campaign plan")!;
    const drawdown = spreadsheet._sheet("Credit drawdown")!;
    expect(campaignPlan._values()).toHaveLength(1201);
    expect(drawdown._values()[0].length).toBe(3 * creditRows.length + 2);
    expect(drawdown.getMaxColumns()).toBeGreaterThan(26);
    const before = JSON.stringify(drawdown._values());
    const second = addOn.writePlanToSheets();
    expect(second.sheets).toEqual(first.sheets);
    expect(JSON.stringify(drawdown._values())).toBe(before);
    expect(drawdown.charts).toHaveLength(1);
  });

  it("keeps a leading apostrophe of user text (Sheets strips the first one)", () => {
    const spreadsheet = spreadsheetWith(3);
    spreadsheet._sheet("Campaigns")!._store(2, 2, "'quoted name");
    addOn.writePlanToSheets();
    const names = spreadsheet
      ._sheet("Campaign plan")!
      ._values()
      .map((row) => row[1]);
    expect(names).toContain("'quoted name");
  });

  it("reuses its own sheet whatever the case of its name, and never a foreign one", () => {
    const spreadsheet = spreadsheetWith(3);
    const own = spreadsheet._addSheet("credit plan", [["old"]]);
    own.metadata.push({ key: OWNED_KEY, value: "1" });
    const foreign = spreadsheet._addSheet("CAMPAIGN PLAN", [["mine"]]);
    const sheetCount = spreadsheet.sheets.length;
    const result = addOn.writePlanToSheets();
    expect(result.sheets.slice(1, 3)).toEqual(["Credit plan", "Campaign plan (2)"]);
    expect(own._values()[0][0]).toBe("Credit ID");
    expect(spreadsheet.sheets).toHaveLength(sheetCount + 5);
    expect(foreign._values()).toEqual([["mine"]]);
  });
});

describe("the Assignment log", () => {
  it("takes 5,000 applies, growing its grid as it goes", () => {
    const spreadsheet = spreadsheetWith(5);
    const port = spreadsheetPort(
      spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    );
    for (let i = 0; i < 5000; i++) port.appendLogRow([`t${i}`, "C3", "", String(i)]);
    const log = spreadsheet._sheet("Assignment log")!;
    const values = log._values();
    expect(values).toHaveLength(5001);
    expect(values[5000]).toEqual(["t4999", "C3", "", "4999"]);
    expect(values[5000][3]).toBe("4999"); // Plain text: the log keeps text
  });

  it("an apply after 999 earlier ones goes through the add-on entry point", () => {
    const spreadsheet = spreadsheetWith(5);
    const port = spreadsheetPort(
      spreadsheet as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    );
    for (let i = 0; i < 999; i++) port.appendLogRow([`t${i}`, "C3", "", "x"]);
    addOn.applyRecommendation("C3", ["101"]);
    expect(spreadsheet._sheet("Assignment log")!._values()).toHaveLength(1001);
  });
});

describe("scopes and the lock", () => {
  it("every menu item and sidebar call asks for all scopes first", () => {
    spreadsheetWith(3);
    addOn.showPlanner();
    addOn.showHelp();
    addOn.createTemplateSheets();
    addOn.writePlanToSheets();
    addOn.getPlan(null);
    addOn.applyRecommendation("C3", ["101"]);
    addOn.selectCell("Credits", "A2");
    expect(services.scopes.checks).toBe(7);
  });

  it("a user who declined a scope is asked again before anything is written", () => {
    const spreadsheet = empty();
    services.scopes.missing.push("https://www.googleapis.com/auth/spreadsheets.currentonly");
    expect(() => addOn.createTemplateSheets()).toThrow(SHEETS_MESSAGES.authorizationRequired);
    expect(spreadsheet.sheets).toHaveLength(0);
  });

  it("a lock held by another run gives a clear message and writes nothing", () => {
    const spreadsheet = spreadsheetWith(3);
    services.locks.heldElsewhere = true;
    expect(() => addOn.writePlanToSheets()).toThrow(/Another Credit Planner run/);
    expect(spreadsheet.sheets).toHaveLength(3);
  });
});

describe("the sidebar's calls through a google.script.run that refuses what the real one refuses", () => {
  it("getPlan and writePlanToSheets answer with values it can carry; a Date argument is refused", async () => {
    spreadsheetWith(4);
    const { run } = fakeScriptRun({
      getPlan: addOn.getPlan as (...args: unknown[]) => unknown,
      writePlanToSheets: addOn.writePlanToSheets as (...args: unknown[]) => unknown,
    });
    Object.assign(globalThis, { google: { script: { run } } });
    const plan = await callServer("getPlan", null);
    expect(plan?.start).toBe("2026-12-01");
    expect(plan?.campaigns).toHaveLength(4);
    const written = await callServer("writePlanToSheets");
    expect(written?.sheets).toHaveLength(6);
    await expect(
      callServer("getPlan", [{ kind: "status", campaign: "101", at: new Date() }] as never),
    ).rejects.toThrow(/illegal value/);
  });
});

describe("the plan functions' ranges (CONTRACT §5)", () => {
  it("hands each given range to the reader under its table key; a range left out is no table", () => {
    const topUps = [
      ["Date", "Amount"],
      ["2026-12-15", 500],
    ];
    const adGroups = [
      ["Ad group ID", "Campaign ID"],
      ["9001", "101"],
    ];
    const tables = rangeTables({
      campaigns: [["Campaign ID"]],
      credits: [["Credit ID"]],
      account: "",
      topUps,
      spendHistory: undefined,
      adGroups,
    });
    expect(Object.keys(tables).sort()).toEqual(["adGroups", "campaigns", "credits", "topUps"]);
    expect(tables.topUps).toEqual(topUps);
    expect((tables as Record<string, unknown>).adGroups).toEqual(adGroups);
  });
});
