/**
 * Issue 16 item 7: 130,000 campaigns through every path that plans them: the
 * CLI's JSON and text output (dist/cli.mjs) and a custom function in the
 * built dist/Code.js (node:vm, as Apps Script loads it). A spread over every
 * campaign (`Math.min(...days)`, `push(...lines)`) overflows V8's stack at
 * about 110,000 arguments; the account runs out of cash so that the stop,
 * advice (R13) and table code all see every campaign. Bench-sized: the whole
 * file takes well under a minute here.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBuiltCli } from "./builtCli";

const CAMPAIGNS = 130_000;
const MAX_BUFFER = 512 * 1024 * 1024;

const campaignRows = (): string[][] => [
  ["Campaign ID", "Campaign name", "Status", "Budget mode", "Budget"],
  ...Array.from({ length: CAMPAIGNS }, (_, i) => {
    const id = String(1_000_000 + i);
    return [id, `Campaign ${id}`, "Active", "Daily", "1"];
  }),
];
const creditRows = [
  ["Credit ID", "Type", "Amount", "Status", "Issue date", "Validity days"],
  ["WELCOME", "Free", "500", "Available", "2026-12-01", "30"],
];
// $130,000 a day of demand: the $500 credit and $1,000 of cash pay part of the first day.
const accountRows = [
  ["Setting", "Value"],
  ["Currency", "USD"],
  ["Plan start", "2026-12-01"],
  ["Horizon days", "7"],
  ["Cash balance", "1000"],
];

const csv = (rows: string[][]) => `${rows.map((row) => row.join(",")).join("\n")}\n`;

describe("130,000 campaigns (issue 16 item 7)", () => {
  const scratch = useBuiltCli("many-campaigns-");
  const workbook = () => {
    const dir = join(scratch(), "workbook");
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "campaigns.csv"), csv(campaignRows()));
    writeFileSync(join(dir, "credits.csv"), csv(creditRows));
    writeFileSync(join(dir, "account.csv"), csv(accountRows));
    return dir;
  };
  const cli = (args: string[]) =>
    spawnSync(process.execPath, ["dist/cli.mjs", ...args], {
      encoding: "utf8",
      maxBuffer: MAX_BUFFER,
    });

  it("plan --json: every campaign planned, stopped on day 1, with the advice to keep them running", () => {
    const run = cli(["plan", workbook(), "--json"]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const plan = JSON.parse(run.stdout);
    expect(plan.campaigns).toHaveLength(CAMPAIGNS);
    expect(plan.totals.creditFunded).toBe(500);
    expect(plan.totals.cashFunded).toBe(1000);
    expect(plan.campaigns[CAMPAIGNS - 1].stoppedOn).toBe("2026-12-01");
    expect(plan.advice.topUps.length).toBeGreaterThan(0);
  }, 60_000);

  it("plan (text): the report is printed whole", () => {
    const run = cli(["plan", workbook()]);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(String(1_000_000 + CAMPAIGNS - 1));
  }, 60_000);

  it("CREDIT_CAMPAIGNS in dist/Code.js: a row per campaign", () => {
    const input = {
      zone: "Etc/UTC",
      calls: [
        {
          fn: "CREDIT_CAMPAIGNS",
          args: [campaignRows(), creditRows, accountRows],
        },
      ],
    };
    const run = spawnSync(process.execPath, ["test/gas/runCodeJs.mjs"], {
      input: JSON.stringify(input),
      encoding: "utf8",
      maxBuffer: MAX_BUFFER,
    });
    expect(run.stderr).toBe("");
    const [result] = JSON.parse(run.stdout);
    expect(result.error).toBeUndefined();
    expect(result.value).toHaveLength(CAMPAIGNS + 1);
  }, 60_000);
});
