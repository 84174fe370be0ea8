/**
 * Daily alerts (R15, CONTRACT §5) through the built dist/Code.js, loaded in
 * node:vm as Apps Script loads it, against the Sheets stand-in and fakes of
 * ScriptApp, MailApp, Session and PropertiesService.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { alertServices } from "./fakeServices";
import { callLog, FakeSpreadsheet, fakeServices } from "./fakeSpreadsheet";
import { SHEET_ZONE } from "./workbook";

let code = "";

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "pipe" });
  code = readFileSync("dist/Code.js", "utf8");
});

const SAMPLE_SHEETS: [string, string][] = [
  ["Campaigns", "campaigns.csv"],
  ["Credits", "credits.csv"],
  ["Account", "account.csv"],
  ["Top-ups", "topups.csv"],
  ["Spend history", "spend-history.csv"],
];

function sampleSheets(): Record<string, string[][]> {
  return Object.fromEntries(
    SAMPLE_SHEETS.map(([name, file]) => [
      name,
      parse(readFileSync(`examples/sample-workbook/${file}`, "utf8")) as string[][],
    ]),
  );
}

/** Plenty of cash, a free credit that is used up, nothing unassigned: nothing to act on. */
const QUIET_SHEETS: Record<string, unknown[][]> = {
  Campaigns: [
    ["Campaign ID", "Campaign name", "Status", "Budget mode", "Budget"],
    ["101", "Always on", "Active", "Daily", 20],
  ],
  Credits: [
    ["Credit ID", "Type", "Amount", "Status", "Issue date", "Validity days"],
    ["C1", "Free", 50, "Available", "2026-11-30", 30],
  ],
  Account: [
    ["Setting", "Value"],
    ["Plan start", "2026-12-01"],
    ["Horizon days", 30],
    ["Cash balance", 100000],
  ],
};

/** A workbook in the stand-in, Code.js loaded over it with every service faked. */
function addOnWith(sheets: Record<string, unknown[][]>) {
  const spreadsheet = new FakeSpreadsheet(SHEET_ZONE, callLog());
  for (const [name, rows] of Object.entries(sheets)) spreadsheet._addSheet(name, rows);
  const base = fakeServices(spreadsheet);
  const services = alertServices(spreadsheet, base);
  const context = vm.createContext({ ...services.globals });
  vm.runInContext(code, context, { filename: "Code.js" });
  const call = (source: string) => vm.runInContext(source, context);
  return { spreadsheet, services, base, call };
}

/** Every stand-in call that would change a sheet. */
const sheetWrites = (calls: string[]) =>
  calls.filter((c) =>
    /^(Range\.set|Range\.clear|Sheet\.(insert|clear|delete|append|set)|Spreadsheet\.(insert|delete))/.test(
      c,
    ),
  );

describe("Email me daily alerts / Stop daily alerts (menu)", () => {
  it("the menu has both items, calling the registered globals", () => {
    const { base, call } = addOnWith(QUIET_SHEETS);
    call('onOpen({ authMode: "NONE" })');
    expect(base.menuItems).toContain("Email me daily alerts→enableDailyAlerts");
    expect(base.menuItems).toContain("Stop daily alerts→disableDailyAlerts");
  });

  it("turning alerts on twice leaves one daily trigger at a fixed hour in the spreadsheet's zone", () => {
    const { services, call, spreadsheet } = addOnWith(QUIET_SHEETS);
    call("enableDailyAlerts()");
    call("enableDailyAlerts()");
    expect(services.triggers).toHaveLength(1);
    expect(services.triggers[0]).toMatchObject({
      handler: "sendDailyAlerts",
      spreadsheetId: "sheet-1",
      user: "advertiser@example.com",
      everyDays: 1,
      atHour: 7,
      timeZone: SHEET_ZONE,
    });
    expect(spreadsheet.toasts.at(-1)).toContain("advertiser@example.com");
    // Turning them on asks for every scope first (granular consent).
    expect(spreadsheet.log.count("ScriptApp.requireAllScopes")).toBe(2);
    expect(sheetWrites(spreadsheet.log.calls)).toEqual([]);
  });

  it("turning alerts off removes the trigger; off twice is harmless", () => {
    const { services, call, spreadsheet } = addOnWith(QUIET_SHEETS);
    call("enableDailyAlerts()");
    call("disableDailyAlerts()");
    expect(services.triggers).toEqual([]);
    call("disableDailyAlerts()");
    expect(services.triggers).toEqual([]);
    expect(spreadsheet.toasts.at(-1)).toBe("Daily alerts are off.");
  });
});

describe("sendDailyAlerts (the trigger)", () => {
  it("mails the sample's digest once: ASSIGN-AGENCY, its expiry and the assignment that saves it, the top-up", () => {
    const { services, call, spreadsheet } = addOnWith(sampleSheets());
    call("enableDailyAlerts()");
    spreadsheet.log.reset();
    expect(call("sendDailyAlerts({})")).toBe("sent");
    expect(services.mails).toHaveLength(1);
    const [mail] = services.mails;
    expect(mail.to).toBe("advertiser@example.com");
    expect(mail.subject).toBe("Credit Planner: 2 items need action in Ad credits");
    for (const body of [mail.body, mail.htmlBody ?? ""]) {
      expect(body).toContain("ASSIGN-AGENCY");
      expect(body).toContain("500.00 USD expires after 2026-12-24");
      expect(body).toContain("assign it to Winter sale - prospecting by 2026-12-24");
      expect(body).toMatch(/stop delivering on 2027-01-04 for lack of money: top up/);
      expect(body).toContain("https://docs.google.com/spreadsheets/d/sheet-1/edit");
      expect(body).toContain("Ad credits");
    }
    expect(mail.htmlBody).toContain(
      '<a href="https://docs.google.com/spreadsheets/d/sheet-1/edit">',
    );
    // The ASSIGN-AGENCY item comes first (2026-12-24), the stop second (2027-01-04).
    expect(mail.body.indexOf("ASSIGN-AGENCY")).toBeLessThan(mail.body.indexOf("2027-01-04"));
    // It reads each input sheet once and writes nothing.
    expect(spreadsheet.log.count("Sheet.getSheetValues")).toBe(5);
    expect(sheetWrites(spreadsheet.log.calls)).toEqual([]);
  });

  it("a second run on the same day sends nothing", () => {
    const { services, call } = addOnWith(sampleSheets());
    expect(call("sendDailyAlerts({})")).toBe("sent");
    expect(call("sendDailyAlerts({})")).toBe("already sent today");
    expect(services.mails).toHaveLength(1);
  });

  it("sends nothing when nothing needs action", () => {
    const { services, call } = addOnWith(QUIET_SHEETS);
    expect(call("sendDailyAlerts({})")).toBe("nothing to act on");
    expect(services.mails).toEqual([]);
  });

  it("a plan that cannot be made sends one short mail saying why, not again while the sheets stay the same", () => {
    const sheets = sampleSheets();
    delete sheets.Campaigns;
    const { services, call, spreadsheet } = addOnWith(sheets);
    expect(call("sendDailyAlerts({})")).toBe("failure sent");
    expect(services.mails).toHaveLength(1);
    expect(services.mails[0].subject).toBe("Credit Planner: cannot plan Ad credits");
    expect(services.mails[0].body).toContain("Campaigns");
    expect(call("sendDailyAlerts({})")).toBe("failure already sent");
    expect(services.mails).toHaveLength(1);
    // The sheets change (still without Campaigns): the new state is reported once.
    spreadsheet._sheet("Credits")?._fill([["Credit ID"], ["X1"]]);
    expect(call("sendDailyAlerts({})")).toBe("failure sent");
    expect(call("sendDailyAlerts({})")).toBe("failure already sent");
    expect(services.mails).toHaveLength(2);
    expect(sheetWrites(spreadsheet.log.calls)).toEqual([]);
  });

  it("HTML mail: user text is escaped, so a credit named <img …> arrives as text", () => {
    const hostile = "<img src=x onerror=alert(1)>";
    const { services, call } = addOnWith({
      ...QUIET_SHEETS,
      Credits: [
        ["Credit ID", "Name", "Type", "Amount", "Status", "Issue date", "Valid until"],
        ["A&B", hostile, "Assignable", 80, "Available", "2026-11-28", "2026-12-20"],
      ],
    });
    expect(call("sendDailyAlerts({})")).toBe("sent");
    const html = services.mails[0].htmlBody ?? "";
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;img src=x onerror=alert(1)&gt;");
    expect(html).toContain("A&amp;B");
    // The plain-text body carries the name as it is.
    expect(services.mails[0].body).toContain(hostile);
  });
});

describe("getAlerts (sidebar) and CREDIT_ALERTS", () => {
  it("the sidebar gets the on/off state and the next digest as plain JSON", () => {
    const { call } = addOnWith(sampleSheets());
    const off = call("getAlerts()");
    expect(JSON.parse(JSON.stringify(off))).toEqual(off);
    expect(off).toMatchObject({ on: false, hour: 7, timeZone: SHEET_ZONE, error: null });
    expect(off.digest.items.map((i: { kind: string }) => i.kind)).toEqual([
      "credit_unassigned",
      "campaigns_stop",
    ]);
    call("enableDailyAlerts()");
    expect(call("getAlerts()").on).toBe(true);
  });

  it("CREDIT_ALERTS shows the digest in a cell: day, kind, amount, credit or campaigns, action", () => {
    const sheets = sampleSheets();
    const { call } = addOnWith({});
    const args = JSON.stringify([
      sheets.Campaigns,
      sheets.Credits,
      sheets.Account,
      sheets["Top-ups"],
      sheets["Spend history"],
    ]);
    const table = call(`CREDIT_ALERTS(...${args})`) as unknown[][];
    expect(table[0]).toEqual(["Day", "Kind", "Amount", "Credit or campaigns", "Action"]);
    expect(table).toHaveLength(3);
    expect(table[1].slice(1, 4)).toEqual(["Credit not assigned", 500, "ASSIGN-AGENCY"]);
    expect(String(table[1][4])).toContain("assign it to Winter sale - prospecting");
    expect(table[2][1]).toBe("Campaigns stop");
    const quiet = call(
      `CREDIT_ALERTS(...${JSON.stringify([QUIET_SHEETS.Campaigns, QUIET_SHEETS.Credits, QUIET_SHEETS.Account])})`,
    ) as unknown[][];
    expect(quiet).toEqual([["Day", "Kind", "Amount", "Credit or campaigns", "Action"]]);
  });
});
