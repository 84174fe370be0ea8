/**
 * The Account from the Business API and connectors (SHEETS.md "Real exports
 * (spec v3)"): the advertiser table in table form, valid_cash_balance over
 * cash_balance and balance, Credit balance and CREDIT_BALANCE_MISMATCH,
 * `Etc/GMT+8` as UTC−8.
 */
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { readAndPlan, readWorkbook, type Table, type WorkbookTables } from "../../src/sheets";
import { workbook } from "./helpers";
import { airbyteRecords, fivetranTable, flattenedTable, realText } from "./realData";

const OPTIONS = { today: dayFromYmd(2026, 12, 1), timeZone: "UTC" };

function read(tables: WorkbookTables) {
  const result = readWorkbook(workbook(tables), OPTIONS);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const accountWarnings = (result: ReturnType<typeof read>) =>
  result.warnings.filter((w) => w.sheet === "Account");

describe("Account in table form (a connector's advertiser table)", () => {
  it("spec v3: Airbyte's advertisers stream: currency, timezone and balance of the first record", () => {
    const records = airbyteRecords("expected_records.jsonl", "advertisers");
    expect(records.length).toBeGreaterThan(1);
    const table = flattenedTable(records);
    const result = read({ account: table });
    const first = records[0];
    expect(result.model.account.currency).toBe(first.currency);
    expect(result.model.account.timeZone).toBe(first.timezone);
    expect(result.model.account.cashBalance).toBe(Number(first.balance) * 100);
    // Every further advertiser is named, not silently dropped.
    const extra = accountWarnings(result).filter((w) => w.code === "DUPLICATE_ID");
    expect(extra.map((w) => w.cell)).toEqual(records.slice(1).map((_, i) => `A${i + 3}`));
    expect(extra[0].message).toContain("only row 2 is read");
  });

  it("spec v3: Fivetran's advertiser CSV (UPPERCASE columns, Etc/GMT+5, BALANCE 32.12)", () => {
    const result = read({ account: fivetranTable("tiktok_advertiser_data") });
    expect(result.model.account).toMatchObject({
      currency: "USD",
      timeZone: "Etc/GMT+5",
      cashBalance: 3212,
    });
    expect(result.model.account.source?.cells.cashBalance).toBe("S2");
    expect(accountWarnings(result).map((w) => [w.code, w.cell])).toEqual([["DUPLICATE_ID", "A3"]]);
  });

  it("spec v3: an Account sheet with no setting in it is an error, not silently ignored", () => {
    const result = read({
      account: [
        ["advertiser", "owner"],
        ["Shop", "Ann"],
      ],
    });
    expect(accountWarnings(result).map((w) => [w.code, w.severity])).toEqual([
      ["MISSING_COLUMN", "error"],
    ]);
  });
});

/** The response fields of GET /bc/balance/get/, in the order its definition lists them. */
function balanceFields(): string[] {
  const yml = realText("tiktok-sdk/bc_balance_get.yml");
  const rule = yml.slice(yml.indexOf("response_rule:"));
  return [...rule.matchAll(/^ {10}(\w+): \$\.rpc\.output\./gm)].map((m) => m[1]);
}

describe("Balances from the Business API", () => {
  const values: Record<string, string> = {
    account_balance: "620.00",
    bc_id: "7001",
    cash_balance: "500.00",
    currency: "USD",
    frozen_balance: "100.00",
    grant_balance: "120.00",
    tax: "0",
    valid_account_balance: "520.00",
    valid_cash_balance: "400.00",
    valid_grant_balance: "120.00",
  };
  const balanceTable = (): Table => {
    const fields = balanceFields();
    expect(fields).toContain("valid_cash_balance");
    return [fields, fields.map((f) => values[f] ?? "")];
  };

  it("spec v3: valid_cash_balance is the Cash balance (frozen money cannot pay)", () => {
    const result = read({ account: balanceTable() });
    expect(result.model.account.cashBalance).toBe(40000);
  });

  it("spec v3: in Setting/Value rows too, valid_cash_balance wins wherever it is", () => {
    const result = read({
      account: [
        ["Setting", "Value"],
        ["balance", "700"],
        ["Cash balance", "500"],
        ["valid_cash_balance", "400"],
      ],
    });
    expect(result.model.account.cashBalance).toBe(40000);
    expect(result.model.account.source?.cells.cashBalance).toBe("B4");
  });

  it("R11: CREDIT_BALANCE_MISMATCH names the cell and both totals", () => {
    const result = read({
      account: balanceTable(),
      credits: [
        ["Credit ID", "Type", "Amount", "Used", "Issue date"],
        ["C1", "Free", "100", "10", "2026-11-20"],
        ["C2", "Free", "30", "", "2026-11-25"],
        // Not counted: issued after plan start.
        ["C3", "Free", "500", "", "2026-12-05"],
      ],
    });
    const mismatch = result.warnings.filter((w) => w.code === "CREDIT_BALANCE_MISMATCH");
    // Left on plan start: 100 − 10 + 30 = 120.00 = valid_grant_balance.
    expect(mismatch).toEqual([]);
    const short = read({
      account: balanceTable(),
      credits: [
        ["Credit ID", "Type", "Amount", "Issue date"],
        ["C1", "Free", "100", "2026-11-20"],
      ],
    });
    const warning = short.warnings.find((w) => w.code === "CREDIT_BALANCE_MISMATCH");
    const column = String.fromCharCode(65 + balanceFields().indexOf("valid_grant_balance"));
    expect(warning).toMatchObject({ severity: "warning", sheet: "Account", cell: `${column}2` });
    expect(warning?.message).toContain("120.00 USD");
    expect(warning?.message).toContain("100.00 USD");
  });
});

describe("Time zones of the API", () => {
  it("R1: Etc/GMT+8 is UTC−8: at 05:00 UTC on Dec 1 the account's today is Nov 30", () => {
    const result = readAndPlan(
      workbook({
        account: [
          ["currency", "timezone", "balance"],
          ["USD", "Etc/GMT+8", "0"],
        ],
      }),
      { now: Date.UTC(2026, 11, 1, 5), spreadsheetTimeZone: "UTC" },
    );
    expect(result.ok && result.plan.start).toBe(dayFromYmd(2026, 11, 30));
  });
});
