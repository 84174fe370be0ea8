import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useBuiltCli } from "./builtCli";
import { writeXlsx } from "./xlsxFixture";

const SAMPLE = "examples/sample-workbook";
const scratch = useBuiltCli("credit-planner-cli-");

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, ["dist/cli.mjs", ...args], {
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "" },
    timeout: 30_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Writes CSV files into a fresh directory. */
function csvDir(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(scratch(), name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const CAMPAIGNS = "Campaign ID,Campaign name,Budget\n100,Prospecting,20\n";
const CREDITS = "Credit ID,Type,Amount,Issue date\nC1,Free,50,2026-11-20\n";
const ACCOUNT = "Setting,Value\nPlan start,2026-12-01\nHorizon days,10\nCash balance,100\n";

function expectOneLineError(run: ReturnType<typeof cli>, status: number, ...mentions: string[]) {
  expect(run.status).toBe(status);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^credit-planner: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const text of mentions) expect(run.stderr).toContain(text);
}

describe("credit-planner plan --json (CONTRACT §1)", () => {
  it("prints the plan of the sample workbook with exactly the contract's keys", () => {
    const run = cli("plan", SAMPLE, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual([
      "currency",
      "minorUnits",
      "start",
      "end",
      "totals",
      "inputs",
      "complete",
      "credits",
      "campaigns",
      "account",
      "warnings",
      "recommendations",
      "creditUpperBound",
      "advice",
      "alerts",
    ]);
    expect(Object.keys(json.totals)).toEqual([
      "spend",
      "creditFunded",
      "cashFunded",
      "cardFunded",
      "undelivered",
      "creditExpired",
      "creditBlocked",
      "moneyNeeded",
      "creditAtStart",
      "creditIssued",
      "creditAvailable",
      "creditAtRisk",
      "outOfPocket",
      "firstExpiryOn",
      "firstFallbackOn",
    ]);
    for (const credit of json.credits) {
      expect(Object.keys(credit)).toEqual([
        "id",
        "name",
        "type",
        "status",
        "amount",
        "remainingAtStart",
        "issued",
        "available",
        "atRisk",
        "issuedOn",
        "lastUsableDay",
        "used",
        "expired",
        "remainingAtEnd",
        "depletedOn",
        "expiresOn",
        "assignedCampaigns",
      ]);
    }
    for (const campaign of json.campaigns) {
      expect(Object.keys(campaign)).toEqual([
        "id",
        "name",
        "demand",
        "demandFrom",
        "spend",
        "creditFunded",
        "cashFunded",
        "cardFunded",
        "undelivered",
        "cashFallbackOn",
        "stoppedOn",
        "stops",
      ]);
    }
    expect(Object.keys(json.account)).toEqual([
      "cashAtStart",
      "cashAtEnd",
      "cashRunsOutOn",
      "cardCharged",
      "cardLimit",
      "cardLimitReachedOn",
    ]);
    for (const warning of json.warnings) {
      expect(Object.keys(warning)).toEqual([
        "code",
        "severity",
        "message",
        "sheet",
        "cell",
        "credit",
        "campaign",
      ]);
    }
    for (const rec of json.recommendations) {
      // `reason` is the one line the sidebar shows under a recommendation.
      expect(Object.keys(rec)).toEqual([
        "credit",
        "assign",
        "expiredBefore",
        "expiredAfter",
        "expirySaved",
        "reason",
      ]);
    }
    expect(json).toMatchObject({ currency: "USD", start: "2026-12-01", end: "2027-02-28" });
  });

  it("the sample workbook exercises every credit type and the cases its README walks through", () => {
    const json = JSON.parse(cli("plan", SAMPLE, "--json").stdout);
    const types = new Set(json.credits.map((c: { type: string }) => c.type));
    expect([...types].sort()).toEqual([
      "assignable",
      "business_center",
      "conditional",
      "coupon",
      "free",
      "spend_match",
    ]);
    const byId = new Map(json.credits.map((c: { id: string }) => [c.id, c]));
    expect(byId.get("ASSIGN-AGENCY")).toMatchObject({ assignedCampaigns: [] });
    expect(json.warnings.map((w: { code: string }) => w.code)).toContain("UNASSIGNED_CREDIT");
    expect(
      (byId.get("ASSIGN-SHARED") as { assignedCampaigns: string[] }).assignedCampaigns,
    ).toHaveLength(2);
    expect((byId.get("SPEND-MATCH-Q4") as { issued: number }).issued).toBeGreaterThan(0);
    expect((byId.get("COUPON-NEWYEAR") as { issued: number }).issued).toBeGreaterThan(0);
    expect(
      json.campaigns.some((c: { cashFallbackOn: string | null }) => c.cashFallbackOn !== null),
    ).toBe(true);
    expect(json.recommendations.map((r: { credit: string }) => r.credit)).toContain(
      "ASSIGN-AGENCY",
    );
    // 19-digit ids survive as text.
    expect(json.campaigns[0].id).toBe("1790000000000000101");
  });

  it("totals reconcile and the output is stable run to run", () => {
    const first = cli("plan", SAMPLE, "--json").stdout;
    expect(cli("plan", SAMPLE, "--json").stdout).toBe(first);
    const json = JSON.parse(first);
    const { totals } = json;
    expect(totals.spend).toBeCloseTo(
      totals.creditFunded + totals.cashFunded + totals.cardFunded,
      6,
    );
    for (const c of json.credits) {
      expect(c.remainingAtStart + c.issued).toBeCloseTo(c.used + c.expired + c.remainingAtEnd, 6);
    }
  });

  it("--daily adds the ledger and the end-of-day balances; --start and --days override the Account", () => {
    const run = cli("plan", SAMPLE, "--json", "--daily", "--start", "2026-12-05", "--days", "7");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.start).toBe("2026-12-05");
    expect(json.end).toBe("2026-12-11");
    expect(Object.keys(json.daily[0])).toEqual(["date", "campaign", "source", "amount"]);
    expect(json.balances).toHaveLength(7 * json.credits.length);
    expect(Object.keys(json.balances[0])).toEqual(["date", "credit", "remaining"]);
    expect(
      json.daily.every((d: { source: string }) =>
        /^(credit:.+|cash|card|undelivered)$/.test(d.source),
      ),
    ).toBe(true);
  });
});

describe("R13/R14/R16 on the sample workbook and --strict", () => {
  it("R13/R14: cash runs out 2027-01-04, resumes after the 2027-01-10 top-up, stops again 2027-01-28: two top-ups", () => {
    const json = JSON.parse(cli("plan", SAMPLE, "--json").stdout);
    // By hand from --daily: on 2027-01-04 cash pays its last $436.76 of the day's $451.86,
    // $15.10 goes undelivered, then $451.86 a day through 2027-01-09: $2,274.40. The
    // 2027-01-10 top-up pays through 2027-01-27; from 2027-01-28 every day to the end goes
    // undelivered as in the plan as it is (no credit is left to change): $11,643.00.
    expect(json.advice.topUps).toEqual([
      { date: "2027-01-04", amount: 2274.4, until: "2027-01-09", cardPays: 0 },
      { date: "2027-01-28", amount: 11643, until: "2027-02-28", cardPays: 0 },
    ]);
    expect(json.advice.total).toBe(json.totals.undelivered);
    expect(json.totals.moneyNeeded).toBe(34917.4);
    const winter = json.campaigns.find((c: { id: string }) => c.id === "1790000000000000101");
    expect(winter.stops).toEqual([
      { from: "2027-01-04", to: "2027-01-09" },
      { from: "2027-01-28", to: "2027-02-28" },
    ]);
    expect(json.complete).toBe(true);
    expect(json.inputs.campaigns).toEqual({ rows: 8, planned: 8, skipped: 0 });
    const text = cli("plan", SAMPLE).stdout;
    const todo = text.slice(text.indexOf("What to do"), text.indexOf("Credits at risk"));
    const flatTodo = todo.replace(/\s+/g, " ");
    expect(flatTodo).toContain("Money needed 34,917.40 USD");
    expect(flatTodo).toContain(
      "cash will pay 21,000.00 USD, card 0.00 USD, 13,917.40 USD goes undelivered",
    );
    expect(todo).toMatch(/ 2,274\.40 +2027-01-04 +2027-01-09/);
    expect(todo).toMatch(/ 11,643\.00 +2027-01-28 +2027-02-28/);
    expect(text.replace(/\s+/g, "")).toContain("2027-01-04…2027-01-09,2027-01-28…2027-02-28");
    expect(text).toContain(
      "Top-ups (Top-ups sheet): 8,000.00 USD on 2026-12-15, 8,000.00 USD on 2027-01-10",
    );
  });

  it("R16: --strict exits 3 when a row was skipped, and every face of the CLI leads with it", () => {
    const dir = csvDir("strict", {
      "campaigns.csv": `${CAMPAIGNS}200,Broken,lots\n300,Also broken,many\n`,
      "credits.csv": CREDITS,
      "account.csv": ACCOUNT,
    });
    const strict = cli("plan", dir, "--strict");
    expect(strict.status).toBe(3);
    expect(strict.stderr).toContain("2 of 3 campaign rows were skipped");
    const lines = strict.stdout.split("\n");
    expect(lines[1]).toContain("2 of 3 campaign rows were skipped — this plan leaves them out");
    expect(strict.stdout.indexOf("skipped")).toBeLessThan(
      strict.stdout.search(/^ {2}Credit [\d,.]+ USD · used /m),
    );
    const json = JSON.parse(cli("plan", dir, "--json", "--strict").stdout);
    expect(json.complete).toBe(false);
    expect(json.inputs.campaigns).toEqual({ rows: 3, planned: 1, skipped: 2 });
    expect(cli("plan", dir).status).toBe(0);
    expect(cli("plan", SAMPLE, "--strict").status).toBe(0);
  });
});

describe("credit-planner plan (human output)", () => {
  it("prints the sections a person wants first, without colours off a TTY", () => {
    const run = cli("plan", SAMPLE);
    expect(run.status).toBe(0);
    const sections = [
      "What to do",
      "Credits at risk",
      "Credits",
      "Campaigns",
      "Cash",
      "Warnings",
      "Recommendations",
    ];
    let last = -1;
    for (const section of sections) {
      const at = run.stdout.search(new RegExp(`^${section}( \\([^)]+\\))?$`, "m"));
      expect(at, section).toBeGreaterThan(last);
      last = at;
    }
    expect(run.stdout).toContain("ASSIGN-AGENCY");
    // One money style: `500.00 USD` in sentences, plain amounts under a `(USD)` header.
    expect(run.stdout).toContain("500.00 USD");
    expect(run.stdout).toContain("Credits (amounts in USD)");
    expect(run.stdout).not.toContain("$500.00");
    expect(run.stdout).toMatch(/Cash runs out on \d{4}-\d{2}-\d{2}|Cash does not run out/);
    expect(run.stdout).not.toContain("\u001b[");
  });

  it("amounts are formatted in the account currency", () => {
    const dir = csvDir("yen", {
      "Campaigns.CSV": CAMPAIGNS,
      "credits.csv": CREDITS,
      "account.csv": `${ACCOUNT}Currency,JPY\n`,
    });
    const run = cli("plan", dir);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("50 JPY");
    expect(run.stdout).not.toContain("50.00");
  });
});

describe("credit-planner alerts (R15, CONTRACT §5)", () => {
  const NOTHING_TO_DO = {
    "campaigns.csv": CAMPAIGNS,
    "credits.csv": CREDITS,
    "account.csv": ACCOUNT.replace("Cash balance,100", "Cash balance,10000"),
  };

  it("the sample: ASSIGN-AGENCY with its expiry and the assignment that saves it, the stop and its top-up; exit 3", () => {
    const run = cli("alerts", SAMPLE);
    expect(run.stderr).toBe("");
    expect(run.status).toBe(3);
    // The sample's Account sets Alert days to 42: 2026-12-01 … 2027-01-11.
    expect(run.stdout).toMatch(
      /^Alerts 2026-12-01 … 2027-01-11 \(42 days, USD\): 2 items need action/,
    );
    const lines = run.stdout.split("\n");
    const agency = lines.findIndex((l) => l.includes("ASSIGN-AGENCY"));
    expect(lines[agency]).toMatch(
      /^ {2}2026-12-24 {2}Credit not assigned +500\.00 {2}ASSIGN-AGENCY/,
    );
    expect(run.stdout).toContain("At risk (USD)");
    // The action follows on the next lines (wrapped at 100 columns).
    const action = (at: number) => {
      const rest = lines.slice(at + 1);
      const end = rest.findIndex((l) => !l.startsWith("    "));
      return rest.slice(0, end).join(" ").replace(/\s+/g, " ");
    };
    expect(lines[agency + 1]).toMatch(/^ {4}→ /);
    expect(action(agency)).toContain("500.00 USD expires after 2026-12-24");
    expect(action(agency)).toContain("assign it to Winter sale - prospecting by 2026-12-24");
    const stop = lines.findIndex((l) => l.includes("Campaigns stop"));
    expect(stop).toBeGreaterThan(agency);
    expect(lines[stop]).toMatch(/^ {2}2027-01-04 /);
    expect(action(stop)).toMatch(/stop delivering on 2027-01-04 for lack of money: top up/);
    for (const line of lines) expect(Array.from(line).length).toBeLessThanOrEqual(100);
  });

  it("--within N replaces Alert days; --json prints the digest", () => {
    const run = cli("alerts", SAMPLE, "--within", "7", "--json");
    expect(run.status).toBe(3);
    const json = JSON.parse(run.stdout);
    expect(Object.keys(json)).toEqual(["withinDays", "from", "to", "items"]);
    expect(json).toMatchObject({ withinDays: 7, from: "2026-12-01", to: "2026-12-07" });
    // Within 7 days only the unassigned credit (listed whatever its day) needs action.
    expect(json.items).toEqual([
      {
        kind: "credit_unassigned",
        label: "Credit not assigned",
        date: "2026-12-24",
        amount: 500,
        credit: { id: "ASSIGN-AGENCY", name: "Agency credit (not assigned yet)" },
        campaigns: [],
        action:
          "Not assigned to any campaign that can use it, so 500.00 USD expires after 2026-12-24: assign it to Winter sale - prospecting by 2026-12-24 — that saves 500.00 USD.",
        assign: ["1790000000000000101"],
        topUps: [],
      },
    ]);
    // The JSON plan carries the same digest.
    const plan = JSON.parse(cli("plan", SAMPLE, "--json").stdout);
    expect(plan.alerts.withinDays).toBe(42);
    expect(plan.alerts.items[0]).toEqual(json.items[0]);
  });

  it("exit 0 and one line when nothing needs action, in text and JSON", () => {
    const dir = csvDir("nothing-to-do", NOTHING_TO_DO);
    const text = cli("alerts", dir);
    expect(text.status).toBe(0);
    expect(text.stdout).toBe(
      "Alerts 2026-12-01 … 2026-12-07 (7 days, USD): nothing needs action.\n",
    );
    const json = cli("alerts", dir, "--json");
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).items).toEqual([]);
  });

  it("the same exit codes 1 and 2 as plan", () => {
    expectOneLineError(cli("alerts"), 2, "alerts needs the workbook");
    expectOneLineError(cli("alerts", SAMPLE, "--within", "0"), 2, "--within");
    expectOneLineError(cli("alerts", SAMPLE, "--daily"), 2, "--daily");
    const noCampaigns = csvDir("alerts-no-campaigns", { "credits.csv": CREDITS });
    expectOneLineError(cli("alerts", noCampaigns), 1, "campaigns.csv", "Campaigns");
    expectOneLineError(cli("alerts", join(scratch(), "missing-dir")), 1);
  });
});

describe("exit codes and one-line reasons (CONTRACT §2)", () => {
  it("2 for bad arguments", () => {
    expectOneLineError(cli(), 2);
    expectOneLineError(cli("plan", SAMPLE, "--days", "zero"), 2, "--days");
    expectOneLineError(cli("plan", SAMPLE, "--colour"), 2, "--colour");
    expectOneLineError(cli("plan", SAMPLE, "--start", "12/01/2026"), 2, "--start");
  });

  it("--help prints the usage", () => {
    const run = cli("--help");
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("credit-planner plan DIR");
  });

  it("1 when a required sheet or column is missing, naming the file and column", () => {
    const noCampaigns = csvDir("no-campaigns", { "credits.csv": CREDITS });
    expectOneLineError(cli("plan", noCampaigns), 1, "campaigns.csv", "Campaigns");
    const noBudget = csvDir("no-budget", {
      "campaigns.csv": "Campaign ID,Campaign name\n100,Prospecting\n",
      "credits.csv": CREDITS,
    });
    expectOneLineError(
      cli("plan", noBudget, "--json"),
      1,
      join(noBudget, "campaigns.csv"),
      "Budget",
    );
  });

  it("1 for unreadable files: missing path, binary garbage, unbalanced quotes, a broken .xlsx", () => {
    expectOneLineError(cli("plan", join(scratch(), "does-not-exist")), 1, "does-not-exist");
    const garbage = new Uint8Array(8192).map((_, i) => (i * 7919 + 13) % 256);
    const binary = csvDir("binary", { "campaigns.csv": CAMPAIGNS, "credits.csv": garbage });
    expectOneLineError(cli("plan", binary), 1, "credits.csv");
    const quotes = csvDir("quotes", {
      "campaigns.csv": 'Campaign ID,Budget\n1,"20\n',
      "credits.csv": CREDITS,
    });
    expectOneLineError(cli("plan", quotes), 1, "campaigns.csv", "uote");
    const fakeXlsx = join(scratch(), "fake.xlsx");
    writeFileSync(fakeXlsx, garbage);
    expectOneLineError(cli("plan", fakeXlsx), 1, "fake.xlsx");
  });

  it("0 with warnings: a bad row is skipped and reported, the rest is planned", () => {
    const dir = csvDir("bad-row", {
      "campaigns.csv": `${CAMPAIGNS}200,Broken,lots\n`,
      "credits.csv": CREDITS,
      "account.csv": ACCOUNT,
    });
    const run = cli("plan", dir, "--json");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.campaigns.map((c: { id: string }) => c.id)).toEqual(["100"]);
    expect(json.warnings[0]).toMatchObject({
      code: "INVALID_VALUE",
      sheet: "Campaigns",
      cell: "C3",
    });
  });
});

describe("workbook formats", () => {
  it("semicolon-separated CSV with a BOM, file names in any case", () => {
    const dir = csvDir("european", {
      "CAMPAIGNS.csv": '\uFEFFCampaign ID;Campaign name;Budget\n100;"Prospecting; EU";20\n',
      "Credits.csv": "\uFEFFCredit ID;Type;Amount;Issue date\nC1;Free;50;2026-11-20\n",
      "Account.csv": ACCOUNT.replace(/,/g, ";"),
      "Spend-History.csv": "Date;Campaign ID;Spend\n2026-11-30;100;19.5\n",
      "TopUps.csv": "Date;Amount\n2026-12-03;50\n",
    });
    const run = cli("plan", dir, "--json");
    expect(run.stderr).toBe("");
    const json = JSON.parse(run.stdout);
    expect(json.campaigns[0]).toMatchObject({ id: "100", name: "Prospecting; EU" });
    expect(json.warnings.filter((w: { code: string }) => w.code === "MISSING_SHEET")).toEqual([]);
  });

  it("an .xlsx with sheets found by name, date cells read as the day they show", () => {
    const book = join(scratch(), "book.xlsx");
    writeXlsx(book, {
      Notes: [["ignored"]],
      campaigns: [
        ["Campaign ID", "Campaign name", "Budget"],
        ["1790123456789012345", "From Excel", 20],
      ],
      CREDITS: [
        ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
        ["X1", "Free", 50, { date: "2026-11-20" }, { date: "2026-12-03" }],
      ],
      Account: [
        ["Setting", "Value"],
        ["Plan start", { date: "2026-12-01" }],
        ["Horizon days", 10],
      ],
    });
    const run = cli("plan", book, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.start).toBe("2026-12-01");
    expect(json.campaigns[0]).toMatchObject({ id: "1790123456789012345", name: "From Excel" });
    expect(json.credits[0]).toMatchObject({ id: "X1", lastUsableDay: "2026-12-03", used: 50 });
  });

  it("template writes the six sheets, which plan cleanly; it never overwrites", () => {
    const dir = join(scratch(), "template");
    const run = cli("template", dir);
    expect(run.status).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([
      "account.csv",
      "adgroups.csv",
      "campaigns.csv",
      "credits.csv",
      "spend-history.csv",
      "topups.csv",
    ]);
    const planned = cli("plan", dir, "--json");
    expect(planned.status).toBe(0);
    const json = JSON.parse(planned.stdout);
    expect(json.warnings.filter((w: { severity: string }) => w.severity === "error")).toEqual([]);
    expectOneLineError(cli("template", dir), 1, "already exists");
  });
});

describe("text output a person reads (issue 15)", () => {
  const widest = (text: string) => Math.max(...text.split("\n").map((l) => Array.from(l).length));

  it("fits 100 columns on the sample workbook and on the L synthetic account", async () => {
    const sample = cli("plan", SAMPLE);
    expect(sample.status).toBe(0);
    expect(widest(sample.stdout)).toBeLessThanOrEqual(100);
    const { writeSyntheticWorkbook } = await import("../../scripts/syntheticWorkbook");
    const large = writeSyntheticWorkbook(join(scratch(), "L"), "L");
    const run = cli("plan", large);
    expect(run.status).toBe(0);
    expect(run.stdout.split("\n").length).toBeGreaterThan(2_000);
    expect(widest(run.stdout)).toBeLessThanOrEqual(100);
  }, 60_000);

  it("--version prints the package version", async () => {
    const { version } = await import("../../package.json");
    const run = cli("--version");
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(`credit-planner ${version}\n`);
  });

  it("a bad argument gets one help hint, once", () => {
    const run = cli("plan", SAMPLE, "--colour");
    expectOneLineError(run, 2, "--colour");
    expect(run.stderr.match(/--help/g)).toHaveLength(1);
  });

  it("each warning prints its cell once", () => {
    const run = cli("plan", SAMPLE);
    const warnings = run.stdout.slice(run.stdout.indexOf("Warnings ("));
    for (const cell of warnings.match(/\b(?:Credits|Campaigns|Account)![A-Z]+\d+/g) ?? []) {
      const line = warnings.split("\n").find((l) => l.includes(cell)) ?? "";
      expect(line.split(cell)).toHaveLength(2);
    }
  });

  it("--daily without --json prints the daily ledger as a table", () => {
    const dir = csvDir("daily-table", {
      "campaigns.csv": CAMPAIGNS,
      "credits.csv": CREDITS,
      "account.csv": ACCOUNT,
    });
    const json = JSON.parse(cli("plan", dir, "--json", "--daily").stdout);
    const run = cli("plan", dir, "--daily");
    expect(run.status).toBe(0);
    const table = run.stdout.slice(run.stdout.indexOf("Daily ledger"));
    expect(table).toContain(`Daily ledger (${json.daily.length} rows)`);
    const rows = table.split("\n").filter((l) => /^ {2}\d{4}-\d{2}-\d{2} /.test(l));
    expect(rows).toHaveLength(json.daily.length);
    const first = json.daily[0];
    expect(rows[0]).toMatch(
      new RegExp(
        `^ {2}${first.date} {2}${first.campaign} +${first.source} +${first.amount.toFixed(2)}$`,
      ),
    );
  });

  it("--format csv round-trips: the folder plans like the workbook, and its tables read back", async () => {
    const { parseCsv } = await import("../../src/cli/csv");
    const book = join(scratch(), "roundtrip.xlsx");
    writeXlsx(book, {
      Campaigns: [
        ["Campaign ID", "Campaign name", "Budget"],
        ["1790123456789012345", "From Excel", 20],
      ],
      Credits: [
        ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
        ["X1", "Free", 50, { date: "2026-11-20" }, { date: "2026-12-03" }],
      ],
      Account: [
        ["Setting", "Value"],
        ["Plan start", { date: "2026-12-01" }],
        ["Horizon days", 10],
        ["Cash balance", 100],
      ],
    });
    for (const [name, source] of [
      ["sample", SAMPLE],
      ["xlsx", book],
    ] as const) {
      const out = join(scratch(), `csv-${name}`);
      const wrote = cli("plan", source, "--format", "csv", "--out", out, "--daily");
      expect(wrote.status).toBe(0);
      expect(readdirSync(out)).toEqual(
        expect.arrayContaining(["campaigns.csv", "credits.csv", "credit-plan.csv", "daily.csv"]),
      );
      // The same plan, to the minor unit, from the folder as from the original.
      const original = JSON.parse(cli("plan", source, "--json", "--daily").stdout);
      const again = JSON.parse(cli("plan", out, "--json", "--daily").stdout);
      expect(again).toEqual(original);
      // The plan tables read back to the plan's values.
      const credits = parseCsv(readFileSync(join(out, "credit-plan.csv")));
      expect(credits.slice(1).map((row) => row[0])).toEqual(
        original.credits.map((c: { id: string }) => c.id),
      );
      const daily = parseCsv(readFileSync(join(out, "daily.csv")));
      expect(daily).toHaveLength(original.daily.length + 1);
      expect(daily[1].map(String)).toEqual([
        original.daily[0].date,
        original.daily[0].campaign,
        original.daily[0].source,
        String(original.daily[0].amount),
      ]);
      // Never overwrites.
      expectOneLineError(cli("plan", source, "--format", "csv", "--out", out), 1, "already exists");
    }
  });

  it("--format csv needs --out, and --out needs csv", () => {
    expectOneLineError(cli("plan", SAMPLE, "--format", "csv"), 2, "--out");
    expectOneLineError(cli("plan", SAMPLE, "--out", join(scratch(), "x")), 2, "--format csv");
  });
});
