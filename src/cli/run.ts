/**
 * `credit-planner` (CONTRACT §2): plans a workbook of CSV files or an .xlsx
 * off Google. Exit 0 when a plan was made, 1 when the input cannot be read,
 * 2 for bad arguments; one line on stderr, never a stack trace.
 */
import { readFileSync } from "node:fs";
import type { Plan } from "../core";
import { alertsToJson, planToJson, readAndPlan, SHEET_NAMES, type SheetKey } from "../sheets";
import { skippedRowsNotes } from "../sheets/completeness";
import { type Command, parseArgs, USAGE } from "./args";
import { writePlanCsv } from "./csvOut";
import { InputError, type LoadedWorkbook, loadWorkbook } from "./loadWorkbook";
import { renderAlerts, renderDaily, renderPlan } from "./render";
import { writeTemplate } from "./template";
import { terminalSafeInline, terminalSafeJson } from "./terminalText";

const EXIT_OK = 0;
const EXIT_UNREADABLE = 1;
const EXIT_BAD_ARGUMENTS = 2;
/** R16 `--strict`: a plan was made, but input rows were skipped. */
const EXIT_INCOMPLETE = 3;
/** `alerts`: the R15 digest is not empty (CONTRACT §5), for cron and CI. */
const EXIT_NEEDS_ACTION = 3;

/** One line, with any control character from a file name or a cell made visible (never raw). */
function oneLine(text: string): string {
  return terminalSafeInline(text.replace(/[ \t\r\n]+/g, " ").trim());
}

function fail(message: string, status: number): number {
  process.stderr.write(`credit-planner: ${oneLine(message)}\n`);
  return status;
}

type WorkbookCommand = Extract<Command, { command: "plan" | "alerts" }>;

/** Loads and plans the workbook; an exit status when it cannot be read. */
async function planCommand(
  command: WorkbookCommand,
  now: number | null,
): Promise<{ plan: Plan; workbook: LoadedWorkbook } | number> {
  const workbook = await loadWorkbook(command.path);
  // "Today" is the instant's day in the ad account's zone (default UTC), R1.
  const result = readAndPlan(workbook.tables, {
    now,
    spreadsheetTimeZone: workbook.timeZone,
    overrides: {
      start: command.start,
      days: command.days,
      notes: workbook.notes,
      alertDays: command.command === "alerts" ? command.within : undefined,
    },
  });
  if (!result.ok) {
    const key = (Object.keys(SHEET_NAMES) as SheetKey[]).find(
      (k) => SHEET_NAMES[k] === result.sheet,
    );
    const file = key ? workbook.origins[key] : command.path;
    return fail(`${file}: ${result.error}`, EXIT_UNREADABLE);
  }
  return { plan: result.plan, workbook };
}

const useColor = () => Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;

async function runPlan(
  command: Extract<Command, { command: "plan" }>,
  now: number | null,
): Promise<number> {
  const planned = await planCommand(command, now);
  if (typeof planned === "number") return planned;
  const { plan, workbook } = planned;
  if (command.csvDir !== undefined) {
    const paths = writePlanCsv(command.csvDir, workbook.tables, plan, { daily: command.daily });
    for (const path of paths) process.stdout.write(`wrote ${terminalSafeInline(path)}\n`);
  } else if (command.json) {
    const json = planToJson(plan, { daily: command.daily });
    process.stdout.write(`${terminalSafeJson(JSON.stringify(json, null, 2))}\n`);
  } else {
    process.stdout.write(renderPlan(plan, { color: useColor() }));
    if (command.daily) process.stdout.write(renderDaily(plan));
  }
  if (command.strict && !plan.complete) {
    const notes = skippedRowsNotes(plan.inputs).join("; ");
    process.stderr.write(`credit-planner: --strict: ${notes}\n`);
    return EXIT_INCOMPLETE;
  }
  return EXIT_OK;
}

/** R15: the digest as text or JSON; exit 3 when something needs action. */
async function runAlerts(
  command: Extract<Command, { command: "alerts" }>,
  now: number | null,
): Promise<number> {
  const planned = await planCommand(command, now);
  if (typeof planned === "number") return planned;
  const { plan } = planned;
  const digest = plan.alerts;
  if (!digest) throw new Error("the plan has no alert digest");
  if (command.json) {
    const json = alertsToJson(digest, plan.minorUnits);
    process.stdout.write(`${terminalSafeJson(JSON.stringify(json, null, 2))}\n`);
  } else {
    process.stdout.write(renderAlerts(plan, digest, { color: useColor() }));
  }
  return digest.items.length > 0 ? EXIT_NEEDS_ACTION : EXIT_OK;
}

/** The version in package.json beside dist/ (the bundle is dist/cli.mjs). */
function packageVersion(): string {
  const text = readFileSync(new URL("../package.json", import.meta.url), "utf8");
  return String((JSON.parse(text) as { version?: unknown }).version ?? "unknown");
}

/**
 * Runs one command. `options.now` (epoch ms) fixes the instant "today" is
 * taken from, so tests can compare faces at one instant; default: now.
 */
export async function main(
  argv: readonly string[],
  options: { now?: number | null } = {},
): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) return fail(`${args.error}\n(run credit-planner --help)`, EXIT_BAD_ARGUMENTS);
  const command = args.value;
  try {
    if (command.command === "version") {
      process.stdout.write(`credit-planner ${terminalSafeInline(packageVersion())}\n`);
      return EXIT_OK;
    }
    if (command.command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (command.command === "template") {
      for (const path of writeTemplate(command.dir)) {
        process.stdout.write(`wrote ${terminalSafeInline(path)}\n`);
      }
      return EXIT_OK;
    }
    if (command.command === "alerts") return await runAlerts(command, options.now ?? null);
    return await runPlan(command, options.now ?? null);
  } catch (error) {
    if (error instanceof InputError)
      return fail(`${error.file}: ${error.message}`, EXIT_UNREADABLE);
    const reason = error instanceof Error ? error.message : String(error);
    return fail(`could not make the plan: ${reason}`, EXIT_UNREADABLE);
  }
}

/** Last resort: one line, exit 1, never a stack trace. */
export function failUnexpected(error: unknown): number {
  return fail(
    `unexpected error: ${error instanceof Error ? error.message : String(error)}`,
    EXIT_UNREADABLE,
  );
}
