/**
 * Countries (SHEETS.md "Real exports (spec v3)": Countries): names and ISO
 * codes of one country match each other in R5's restriction check, from
 * i18n-iso-countries' English list.
 */
import { describe, expect, it } from "vitest";
import { readAndPlan, readWorkbook, type Table } from "../../src/sheets";
import { readCountry } from "../../src/sheets/countries";
import { OPTIONS, workbook } from "./helpers";
import { fivetranTable } from "./realData";

const ACCOUNT: Table = [
  ["Setting", "Value"],
  ["Plan start", "2026-12-01"],
  ["Horizon days", "10"],
];

/** One $10-a-day campaign in `campaignCountries`, one $100 Free credit restricted to `creditCountries`. */
function planWith(campaignCountries: string, creditCountries: string) {
  const result = readAndPlan(
    workbook({
      campaigns: [
        ["Campaign ID", "Budget", "Countries"],
        ["1", "10", campaignCountries],
      ],
      credits: [
        ["Credit ID", "Type", "Amount", "Issue date", "Countries"],
        ["K1", "Free", "100", "2026-11-20", creditCountries],
      ],
      account: ACCOUNT,
    }),
    { now: Date.UTC(2026, 11, 1), spreadsheetTimeZone: "UTC" },
  );
  if (!result.ok) throw new Error(result.error);
  return result;
}

function creditUsed(result: ReturnType<typeof planWith>): number | undefined {
  return result.plan.credits.find((c) => c.id === "K1")?.used;
}

describe("Countries from a maintained country list", () => {
  it("R5: a campaign in 'United States' uses a credit restricted to US (10 days × $10)", () => {
    const result = planWith("United States", "US");
    expect(creditUsed(result)).toBe(10_000);
    expect(result.plan.warnings.map((w) => w.code)).not.toContain("UNKNOWN_COUNTRY");
  });

  it("R5: names, alpha-2 and alpha-3 codes of one country match in either direction", () => {
    for (const [campaign, credit] of [
      ["US", "United States of America"],
      ["usa", "US"],
      ["UK", "GB"],
      ["United Kingdom", "UK; DE"],
      ["DEU", "Germany"],
      ["Côte d'Ivoire", "CI"],
      ["Korea, Republic of", "KR"],
    ]) {
      expect(creditUsed(planWith(campaign, credit)), `${campaign} / ${credit}`).toBe(10_000);
    }
  });

  it("R5: a campaign in a country the credit does not list still cannot use it", () => {
    const result = planWith("US, Canada", "United States");
    expect(creditUsed(result)).toBe(0);
  });

  it("R5: the alpha-3 codes of a Fivetran advertiser table (US, CAN) read as their countries", () => {
    const advertisers = fivetranTable("tiktok_advertiser_data");
    const column = advertisers[0].indexOf("COUNTRY");
    const countries = advertisers.slice(1).map((row) => String(row[column]));
    expect(countries).toContain("CAN");
    const codes = countries.map((value) => {
      const country = readCountry(value);
      return country.ok ? country.code : value;
    });
    expect(codes).toEqual(countries.map((c) => (c === "CAN" ? "CA" : c)));
    expect(creditUsed(planWith("CAN", "Canada"))).toBe(10_000);
  });

  it("R11: a value that is no country is one UNKNOWN_COUNTRY warning per value, naming the cell; the row still plans", () => {
    const result = readWorkbook(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget", "Countries"],
          ["1", "10", "Untied States, Atlantis, US"],
        ],
        credits: [
          ["Credit ID", "Type", "Amount", "Issue date", "Countries"],
          ["K1", "Free", "100", "2026-11-20", "Congo"],
        ],
      }),
      OPTIONS,
    );
    if (!result.ok) throw new Error(result.error);
    const unknown = result.warnings.filter((w) => w.code === "UNKNOWN_COUNTRY");
    expect(unknown.map((w) => [w.sheet, w.cell, w.severity])).toEqual([
      ["Campaigns", "C2", "warning"],
      ["Campaigns", "C2", "warning"],
      ["Credits", "E2", "warning"],
    ]);
    expect(unknown[0].message).toContain("'Untied States'");
    expect(unknown[1].message).toContain("'Atlantis'");
    // "Congo" names two countries: the message offers both codes.
    expect(unknown[2].message).toMatch(/CG .* or CD /);
    expect(result.model.campaigns[0].countries).toEqual(["Untied States", "Atlantis", "US"]);
    expect(result.model.credits[0].countries).toEqual(["Congo"]);
  });

  it("R5: a listed country is kept once, as its alpha-2 code", () => {
    const result = readWorkbook(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget", "Countries"],
          ["1", "10", "United States; USA\nus, Taiwan, Province of China"],
        ],
      }),
      OPTIONS,
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.model.campaigns[0].countries).toEqual(["US", "TW"]);
  });
});
