/**
 * The stand-in itself behaves as Google documents Sheets (test/gas/README.md):
 * if these fail, tests of the add-on against it prove nothing.
 */
import { describe, expect, it } from "vitest";
import {
  callLog,
  FakeSpreadsheet,
  fakeScriptRun,
  fakeServices,
  NEW_SHEET_GRID,
  SHEETS_MESSAGES,
} from "./fakeSpreadsheet";

const newSpreadsheet = () => new FakeSpreadsheet("America/New_York", callLog());

describe("the grid", () => {
  it("insertSheet makes 1000 rows × 26 columns; a range outside them throws Google's message", () => {
    const sheet = newSpreadsheet().insertSheet("Data");
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
    expect(() => sheet.getRange(1000, 26)).not.toThrow();
    expect(() => sheet.getRange(2, 1, 1000, 1)).toThrow(SHEETS_MESSAGES.outsideGrid);
    expect(() => sheet.getRange(1, 27)).toThrow(SHEETS_MESSAGES.outsideGrid);
    expect(() => sheet.getRange("AA1")).toThrow(SHEETS_MESSAGES.outsideGrid);
    expect(() => sheet.getRange(1, 1, 0, 1)).toThrow(/at least 1/);
  });

  it("insertRowsAfter / insertColumnsAfter grow the grid and move what was below or right", () => {
    const sheet = newSpreadsheet().insertSheet("Data");
    sheet.getRange(2, 2).setValue("kept");
    sheet.insertRowsAfter(1, 5);
    sheet.insertColumnsAfter(1, 2);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1005, 28]);
    expect(sheet.getRange(7, 4).getValue()).toBe("kept");
    expect(() => sheet.insertRowsAfter(1006, 1)).toThrow(SHEETS_MESSAGES.outsideGrid);
    sheet.insertRowsAfter(sheet.getMaxRows(), 995);
    expect(() => sheet.getRange(2000, 28)).not.toThrow();
  });

  it("a spreadsheet holds at most 10 million cells", () => {
    const spreadsheet = newSpreadsheet();
    const sheet = spreadsheet.insertSheet("Big");
    expect(() => sheet.insertRowsAfter(1000, 400_000)).toThrow(SHEETS_MESSAGES.cellLimit);
  });

  it("setValues refuses data of another shape with Google's messages", () => {
    const range = newSpreadsheet().insertSheet("Data").getRange(1, 1, 2, 3);
    expect(() => range.setValues([[1, 2, 3]])).toThrow(SHEETS_MESSAGES.rowsMismatch(1, 2));
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toThrow(SHEETS_MESSAGES.columnsMismatch(2, 3));
    expect(SHEETS_MESSAGES.rowsMismatch(1, 2)).toBe(
      "The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.",
    );
  });

  it("insertSheet refuses a name that differs only in case", () => {
    const spreadsheet = newSpreadsheet();
    spreadsheet.insertSheet("Campaigns");
    expect(() => spreadsheet.insertSheet("campaigns")).toThrow(
      'A sheet with the name "campaigns" already exists. Please enter another name.',
    );
  });
});

describe("cell values", () => {
  it("a number keeps 15 significant digits", () => {
    const sheet = newSpreadsheet().insertSheet("Data");
    sheet.getRange(1, 1).setValue(Number("1790123456789012345"));
    expect(sheet.getRange(1, 1).getValue()).toBe(1790123456789010000);
  });

  it("numeric text written into a General cell becomes a number; Plain text keeps it", () => {
    const sheet = newSpreadsheet().insertSheet("Data");
    sheet.getRange(1, 2).setNumberFormat("@");
    sheet.getRange(1, 1, 1, 2).setValues([["1790123456789012345", "1790123456789012345"]]);
    expect(sheet.getRange(1, 1).getValue()).toBe(1790123456789010000);
    expect(sheet.getRange(1, 2).getValue()).toBe("1790123456789012345");
    sheet.getRange(2, 1, 1, 3).setValues([["00123", "85%", "TRUE"]]);
    expect(sheet.getRange(2, 1, 1, 3).getValues()).toEqual([[123, 0.85, true]]);
  });

  it("a paste follows the cells' formats; a leading ' keeps text and is dropped", () => {
    const spreadsheet = newSpreadsheet();
    const sheet = spreadsheet._addSheet("Data");
    sheet.getRange(1, 1, 2, 1).setNumberFormat("@");
    sheet._paste(1, 1, [["1790123456789012345", "1790123456789012345"]]);
    expect(sheet._values()[0]).toEqual(["1790123456789012345", 1790123456789010000]);
    sheet.getRange(3, 1).setValue("'=1+1");
    sheet.getRange(4, 1).setValue("=1+1");
    expect(sheet._cell(3, 1)).toMatchObject({ value: "=1+1", formula: null });
    expect(sheet._cell(4, 1)?.formula).toBe("=1+1");
    sheet.getRange(5, 1).setValue("''quoted");
    expect(sheet._cell(5, 1)?.value).toBe("'quoted");
  });

  it("ISO date text in a non-text cell becomes a Date at midnight in the spreadsheet zone", () => {
    const sheet = newSpreadsheet().insertSheet("Data");
    sheet.getRange(1, 1).setValue("2026-12-01");
    expect((sheet.getRange(1, 1).getValue() as Date).toISOString()).toBe(
      "2026-12-01T05:00:00.000Z",
    );
  });
});

describe("builders", () => {
  it("a chart anchored outside the grid cannot be built", () => {
    const sheet = newSpreadsheet().insertSheet("Data");
    const inside = sheet
      .newChart()
      .asLineChart()
      .addRange(sheet.getRange(1, 1, 10, 2));
    expect(() => inside.setPosition(2, 26, 0, 0).build()).not.toThrow();
    expect(() => inside.setPosition(2, 27, 0, 0).build()).toThrow(SHEETS_MESSAGES.outsideGrid);
  });

  it("a list validation needs items", () => {
    const services = fakeServices(newSpreadsheet());
    expect(() => services.SpreadsheetApp.newDataValidation().requireValueInList([])).toThrow();
    const rule = services.SpreadsheetApp.newDataValidation()
      .requireValueInList(["A"], true)
      .setAllowInvalid(true)
      .build();
    expect(rule).toMatchObject({ criteria: "VALUE_IN_LIST", values: ["A"] });
  });

  it("a sheet made by insertSheet is 1000 × 26 (NEW_SHEET_GRID)", () => {
    expect(NEW_SHEET_GRID).toEqual({ rows: 1000, columns: 26 });
  });
});

describe("LockService and ScriptApp", () => {
  it("waitLock times out with Google's message when another run holds the lock", () => {
    const services = fakeServices(newSpreadsheet());
    services.locks.heldElsewhere = true;
    const lock = services.LockService.getDocumentLock();
    expect(() => lock.waitLock(30_000)).toThrow(SHEETS_MESSAGES.lockTimeout);
    expect(lock.tryLock(10)).toBe(false);
  });

  it("requireAllScopes ends the run when a scope is missing", () => {
    const services = fakeServices(newSpreadsheet());
    expect(() => services.ScriptApp.requireAllScopes("FULL")).not.toThrow();
    services.scopes.missing.push("https://www.googleapis.com/auth/script.container.ui");
    expect(() => services.ScriptApp.requireAllScopes("FULL")).toThrow(/Authorization/);
  });
});

describe("google.script.run", () => {
  const server = {
    echo: (value: unknown) => value,
    today: () => ({ when: new Date() }),
    fail: () => {
      throw new Error("nope");
    },
  };

  it("refuses Dates, functions and class instances among the parameters, however deep", () => {
    const { run } = fakeScriptRun(server);
    const echo = run.echo as (...args: unknown[]) => void;
    expect(() => echo(new Date())).toThrow(/illegal value in property: 0/);
    expect(() => echo({ a: [1, { at: new Date() }] })).toThrow(/0\.a\.1\.at/);
    expect(() => echo(() => 1)).toThrow(/illegal value/);
    expect(() => echo(new Map())).toThrow(/illegal value/);
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(() => echo(circular)).toThrow(/illegal value/);
  });

  it("copies what it carries (undefined array items become null) and answers asynchronously", async () => {
    const { run, settled } = fakeScriptRun(server);
    const answers: unknown[] = [];
    const runner = (run.withSuccessHandler as (f: (v: unknown) => void) => typeof run)((v) =>
      answers.push(v),
    );
    (runner.echo as (v: unknown) => void)([1, undefined, { a: undefined, b: "x" }]);
    (runner.today as () => void)();
    expect(answers).toEqual([]);
    await settled();
    expect(answers).toEqual([[1, null, { b: "x" }], null]);
  });

  it("a server exception reaches the failure handler as an Error", async () => {
    const { run, settled } = fakeScriptRun(server);
    const errors: string[] = [];
    const runner = (run.withFailureHandler as (f: (e: Error) => void) => typeof run)((e) =>
      errors.push(e.message),
    );
    (runner.fail as () => void)();
    await settled();
    expect(errors).toEqual(["nope"]);
  });
});
