/** Small deterministic workbooks as Sheets' `getValues()` would return them. */
export const SHEET_ZONE = "America/New_York";

export const CAMPAIGN_HEADER = [
  "Campaign ID",
  "Campaign name",
  "Status",
  "Budget mode",
  "Budget",
  "Start date",
];
export const CREDIT_HEADER = [
  "Credit ID",
  "Type",
  "Amount",
  "Used",
  "Status",
  "Issue date",
  "Validity days",
  "Assigned campaigns",
];

export interface WorkbookRows {
  campaigns: unknown[][];
  credits: unknown[][];
  account: unknown[][];
}

/**
 * `campaignCount` campaigns (the second one named like a formula), a free
 * credit, an assignable credit on campaign 1 and an unassigned one. Dates are
 * produced by `date` so callers choose Date cells or ISO text.
 */
export function workbookRows(
  campaignCount: number,
  date: (iso: string) => unknown = (iso) => iso,
): WorkbookRows {
  const campaigns: unknown[][] = [CAMPAIGN_HEADER];
  for (let i = 1; i <= campaignCount; i++) {
    campaigns.push([
      String(100 + i),
      i === 2 ? '=IMPORTXML("http://x","//a")' : `Campaign ${i}`,
      i % 7 === 3 ? "Paused" : "Active",
      "Daily",
      10 + (i % 5) * 5,
      i === 1 ? date("2026-12-03") : "",
    ]);
  }
  return {
    campaigns,
    credits: [
      CREDIT_HEADER,
      ["C1", "Free", 100, 0, "Available", date("2026-11-20"), 30, ""],
      ["C2", "Assignable", 200, 0, "Available", date("2026-11-25"), "", "101"],
      ["C3", "Assignable", 80, 0, "Available", date("2026-11-28"), "", ""],
    ],
    account: [
      ["Setting", "Value"],
      ["Plan start", date("2026-12-01")],
      ["Horizon days", 45],
      ["Cash balance", 500],
    ],
  };
}
