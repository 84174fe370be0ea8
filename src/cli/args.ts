/** Command-line arguments (CONTRACT §2). Bad arguments exit with status 2. */
import { type Day, isSupportedDay, parseIsoDate } from "../core";

export type Command =
  | {
      command: "plan";
      path: string;
      start?: Day;
      days?: number;
      json: boolean;
      daily: boolean;
      /** R16: exit 3 when any input row was skipped. */
      strict: boolean;
      /** `--format csv`: the folder the CSV tables go to (`--out`). */
      csvDir?: string;
    }
  | {
      command: "alerts";
      path: string;
      start?: Day;
      days?: number;
      /** R15 look-ahead; replaces the Account `Alert days`. */
      within?: number;
      json: boolean;
    }
  | { command: "template"; dir: string }
  | { command: "version" }
  | { command: "help" };

export type ParsedArgs = { ok: true; value: Command } | { ok: false; error: string };

export const USAGE = `Usage:
  credit-planner plan DIR|FILE.xlsx [--start YYYY-MM-DD] [--days N] [--json] [--daily]
                                   [--strict] [--format text|json|csv] [--out DIR]
  credit-planner alerts DIR|FILE.xlsx [--within N] [--json] [--start YYYY-MM-DD] [--days N]
  credit-planner template DIR
  credit-planner --help | --version

plan      projects how the credits of the workbook get used up. DIR holds
          campaigns.csv, credits.csv and optionally account.csv, topups.csv,
          spend-history.csv; an .xlsx holds sheets of those names.
          --start and --days override the Account sheet's Plan start and
          Horizon days; --json (= --format json) prints the plan as JSON,
          --daily adds the daily ledger to it (or prints it as a table);
          --strict exits 3 when an input row was skipped (the plan is still
          printed). --format csv --out DIR writes the plan's tables as CSV
          files into DIR, with the input sheets as read: DIR plans like the
          workbook.
alerts    prints what needs action within N days of plan start (default: the
          Account sheet's Alert days, else 7): credits expiring or unassigned,
          campaigns about to stop and the top-up that prevents it, offers
          lapsing or landing idle. --json prints the digest as JSON.
template  writes the five input sheets as CSV files with headers and examples.

Exit status: 0 a plan was made (alerts: nothing needs action), 1 the input
could not be read, 2 bad arguments, 3 with --strict: a plan was made but input
rows were skipped; 3 (alerts): something needs action.`;

const fail = (error: string): ParsedArgs => ({ ok: false, error });

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0) return fail("missing command: plan, alerts or template");
  if (argv.includes("--help") || argv.includes("-h") || argv[0] === "help") {
    return { ok: true, value: { command: "help" } };
  }
  if (argv.includes("--version") || argv.includes("-V")) {
    return { ok: true, value: { command: "version" } };
  }
  const [command, ...rest] = argv;
  if (command === "template") {
    if (rest.length !== 1 || rest[0].startsWith("-")) {
      return fail("template takes exactly one argument: the directory to write");
    }
    return { ok: true, value: { command: "template", dir: rest[0] } };
  }
  if (command !== "plan" && command !== "alerts") {
    return fail(`unknown command '${command}': use plan, alerts or template`);
  }
  return parseWorkbookCommand(command, rest);
}

/** `plan` and `alerts`: one workbook and the options each takes. */
function parseWorkbookCommand(command: "plan" | "alerts", rest: readonly string[]): ParsedArgs {
  const parsed: {
    path: string;
    json: boolean;
    daily: boolean;
    strict: boolean;
    start?: Day;
    days?: number;
    within?: number;
  } = { path: "", json: false, daily: false, strict: false };
  const paths: string[] = [];
  let format: string | null = null;
  let out: string | undefined;
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    const eq = arg.indexOf("=");
    const name = arg.startsWith("--") && eq > 0 ? arg.slice(0, eq) : arg;
    const inlineValue = arg.startsWith("--") && eq > 0 ? arg.slice(eq + 1) : undefined;
    const takeValue = (): string | undefined => {
      if (inlineValue !== undefined) return inlineValue;
      i += 1;
      return rest[i];
    };
    if (name === "--json" || (command === "plan" && (name === "--daily" || name === "--strict"))) {
      if (inlineValue !== undefined) return fail(`${name} takes no value`);
      if (name === "--json") parsed.json = true;
      else if (name === "--daily") parsed.daily = true;
      else parsed.strict = true;
    } else if (name === "--format" && command === "plan") {
      const value = takeValue();
      if (value !== "text" && value !== "json" && value !== "csv") {
        return fail(`--format needs text, json or csv, got '${value ?? ""}'`);
      }
      format = value;
    } else if (name === "--out" && command === "plan") {
      const value = takeValue();
      if (value === undefined || value === "" || value.startsWith("-")) {
        return fail("--out needs the directory to write the CSV files to");
      }
      out = value;
    } else if (name === "--start") {
      const value = takeValue();
      const day = value === undefined ? null : parseIsoDate(value);
      if (day === null) return fail(`--start needs a date as YYYY-MM-DD, got '${value ?? ""}'`);
      if (!isSupportedDay(day)) {
        return fail(`--start must be within 1900-01-01 … 9999-12-31, got '${value}'`);
      }
      parsed.start = day;
    } else if (name === "--days") {
      const value = takeValue();
      const days = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(days >= 1 && days <= 3650)) {
        return fail(`--days needs a whole number from 1 to 3650, got '${value ?? ""}'`);
      }
      parsed.days = days;
    } else if (name === "--within" && command === "alerts") {
      const value = takeValue();
      const within = value !== undefined && /^\d+$/.test(value) ? Number(value) : Number.NaN;
      if (!(within >= 1 && within <= 3650)) {
        return fail(`--within needs a whole number of days from 1 to 3650, got '${value ?? ""}'`);
      }
      parsed.within = within;
    } else if (arg.startsWith("-") && arg !== "-") {
      return fail(`unknown option '${arg}'`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length !== 1) {
    return fail(
      paths.length === 0
        ? `${command} needs the workbook: a directory of CSV files or an .xlsx file`
        : `${command} takes one workbook, got ${paths.length}: ${paths.join(" ")}`,
    );
  }
  parsed.path = paths[0];
  if (command === "plan") {
    const { within: _within, ...options } = parsed;
    if (format === "json") options.json = true;
    if (format === "csv") {
      if (options.json) return fail("--format csv and --json: choose one");
      if (out === undefined) return fail("--format csv needs --out DIR");
      return { ok: true, value: { command, ...options, csvDir: out } };
    }
    if (out !== undefined) return fail("--out goes with --format csv");
    return { ok: true, value: { command, ...options } };
  }
  const { daily: _daily, strict: _strict, ...options } = parsed;
  return { ok: true, value: { command, ...options } };
}
