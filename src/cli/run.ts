/**
 * `credit-planner` (CONTRACT §2): plans a workbook of CSV files or an .xlsx
 * off Google. Exit 0 when a plan was made, 1 when the input cannot be read,
 * 2 for bad arguments; one line on stderr, never a stack trace.
 */
import {
  accountTimeZone,
  dayInTimeZone,
  planToJson,
  planWorkbook,
  SHEET_NAMES,
  type SheetKey,
} from "../sheets";
import { type Command, parseArgs, USAGE } from "./args";
import { InputError, loadWorkbook } from "./loadWorkbook";
import { renderPlan } from "./render";
import { writeTemplate } from "./template";

const EXIT_OK = 0;
const EXIT_UNREADABLE = 1;
const EXIT_BAD_ARGUMENTS = 2;

function oneLine(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function fail(message: string, status: number): number {
  process.stderr.write(`credit-planner: ${oneLine(message)}\n`);
  return status;
}

async function runPlan(command: Extract<Command, { command: "plan" }>): Promise<number> {
  const workbook = await loadWorkbook(command.path);
  // "Today" is the current date in the ad account's zone (default UTC).
  const zone = accountTimeZone(workbook.tables.account) ?? "UTC";
  const result = planWorkbook(
    workbook.tables,
    { today: dayInTimeZone(new Date(), zone), timeZone: workbook.timeZone },
    { start: command.start, days: command.days },
  );
  if (!result.ok) {
    const key = (Object.keys(SHEET_NAMES) as SheetKey[]).find(
      (k) => SHEET_NAMES[k] === result.sheet,
    );
    const file = key ? workbook.origins[key] : command.path;
    return fail(`${file}: ${result.error}`, EXIT_UNREADABLE);
  }
  if (command.json) {
    const json = planToJson(result.plan, { daily: command.daily });
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else {
    const color = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
    process.stdout.write(renderPlan(result.plan, { color }));
  }
  return EXIT_OK;
}

export async function main(argv: readonly string[]): Promise<number> {
  const args = parseArgs(argv);
  if (!args.ok) return fail(`${args.error}\n(run credit-planner --help)`, EXIT_BAD_ARGUMENTS);
  const command = args.value;
  try {
    if (command.command === "help") {
      process.stdout.write(`${USAGE}\n`);
      return EXIT_OK;
    }
    if (command.command === "template") {
      for (const path of writeTemplate(command.dir)) process.stdout.write(`wrote ${path}\n`);
      return EXIT_OK;
    }
    return await runPlan(command);
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
