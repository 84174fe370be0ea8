import { describe, expect, it } from "vitest";
import {
  ACCOUNT_TIER_TABLE,
  BUDGET_MODE_TABLE,
  CAMPAIGN_STATUS_TABLE,
  CREDIT_ORDER_TABLE,
  CREDIT_STATUS_TABLE,
  CREDIT_TYPE_TABLE,
  type EnumTable,
  enumValueOf,
  enumValues,
  FALLBACK_PAYMENT_TABLE,
  FORECAST_FROM_TABLE,
  normalizeKey,
  readEnumCell,
  templateTables,
} from "../../src/sheets";

const TABLES: Record<string, EnumTable<string>> = {
  "credit type": CREDIT_TYPE_TABLE,
  "credit status": CREDIT_STATUS_TABLE,
  "campaign status": CAMPAIGN_STATUS_TABLE,
  "budget mode": BUDGET_MODE_TABLE,
  "fallback payment": FALLBACK_PAYMENT_TABLE,
  "credit order": CREDIT_ORDER_TABLE,
  "account tier": ACCOUNT_TIER_TABLE,
  "forecast from": FORECAST_FROM_TABLE,
};

describe("one table per input enum", () => {
  for (const [name, table] of Object.entries(TABLES)) {
    it(`${name}: every label and spelling reads as its own value, and no spelling is shared`, () => {
      const owner = new Map<string, string>();
      for (const value of enumValues(table)) {
        for (const spelling of [table[value].label, ...table[value].spellings]) {
          const key = normalizeKey(spelling);
          expect(owner.get(key) ?? value, `${spelling} of ${value}`).toBe(value);
          owner.set(key, value);
          expect(readEnumCell(spelling, table)).toEqual({ ok: true, value });
          expect(readEnumCell(` ${spelling.toUpperCase()} `.trim(), table)).toEqual({
            ok: true,
            value,
          });
          expect(enumValueOf(table, spelling)).toBe(value);
        }
      }
      const bad = readEnumCell("certainly not a value", table);
      expect(bad.ok).toBe(false);
      if (!bad.ok) {
        for (const value of enumValues(table)) expect(bad.problem).toContain(table[value].label);
      }
    });
  }

  it("the template dropdowns list exactly the tables' labels, in table order", () => {
    const byName = new Map(templateTables().map((t) => [t.name, t.dropdowns]));
    const labels = (table: EnumTable<string>) => enumValues(table).map((v) => table[v].label);
    expect(byName.get("Campaigns")).toEqual({
      Status: labels(CAMPAIGN_STATUS_TABLE),
      "Budget mode": labels(BUDGET_MODE_TABLE),
    });
    expect(byName.get("Credits")).toEqual({
      Type: labels(CREDIT_TYPE_TABLE),
      Status: labels(CREDIT_STATUS_TABLE),
    });
  });
});
