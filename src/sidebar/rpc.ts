/**
 * A small typed promise wrapper around `google.script.run`. Every server call
 * of the sidebar goes through `callServer`, so the names and argument types of
 * the add-on's globals (CONTRACT.md §4) are checked in one place. Nothing that
 * crosses contains a Date: the plan is JSON with `YYYY-MM-DD` strings.
 */
import type { PlanJson } from "../sheets/planJson";
import type { AlertsStatus, ApplyResult } from "../sheets/service";
import type { WhatIfChange } from "../sheets/whatIf";

/** Notes a server may add to a result (the local preview says it changed an in-memory copy). */
export interface ResultNotes {
  notes?: string[];
}

/** What `writePlan` returns: the sheet names used, and a note per sheet that took another name. */
export interface WriteResult extends ResultNotes {
  sheets?: string[];
}

/** What Apply and Undo return: the credit and its Assigned campaigns text before and after. */
export type ApplyReply = ApplyResult & ResultNotes;

/** The server functions the sidebar may call (CONTRACT.md §4), with their argument and result types. */
export interface ServerFunctions {
  getPlan(whatIf: WhatIfChange[] | null, options?: { recommendations: boolean }): PlanJson;
  applyRecommendation(creditId: string, campaignIds: string[]): (ApplyResult & ResultNotes) | null;
  undoApply(creditId: string, before: string, after: string): (ApplyResult & ResultNotes) | null;
  writePlanToSheets(): WriteResult | null | undefined;
  selectCell(sheet: string, a1: string): unknown;
  getAlerts(): AlertsStatus;
}

export type ServerFunctionName = keyof ServerFunctions;

/** The part of Apps Script's client-side `google.script.run` the wrapper uses. */
interface ScriptRunner {
  withSuccessHandler(handler: (result: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [fn: string]: unknown;
}

function scriptRunner(): ScriptRunner | null {
  const host = globalThis as { google?: { script?: { run?: ScriptRunner } } };
  return host.google?.script?.run ?? null;
}

/** The message of whatever a failure handler received (an Error from Apps Script). */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name;
  if (typeof error === "string") return error;
  if (error && typeof error === "object" && "message" in error) {
    return String((error as { message: unknown }).message);
  }
  return "Unknown server error";
}

export function callServer<K extends ServerFunctionName>(
  fn: K,
  ...args: Parameters<ServerFunctions[K]>
): Promise<ReturnType<ServerFunctions[K]>> {
  return new Promise((resolve, reject) => {
    const run = scriptRunner();
    if (!run) {
      reject(new Error("The planner's server is not reachable (google.script.run is missing)."));
      return;
    }
    const runner = run
      .withSuccessHandler((result) => resolve(result as ReturnType<ServerFunctions[K]>))
      .withFailureHandler((error) => reject(new Error(errorMessage(error))));
    const call = runner[fn];
    if (typeof call !== "function") {
      reject(new Error(`The server has no function ${fn}.`));
      return;
    }
    call.apply(runner, args);
  });
}

/** What Apply did, for the status line. */
export function describeApply(
  result: (ApplyResult & ResultNotes) | null,
  creditId: string,
): string {
  const parts =
    result && typeof result === "object" && typeof result.after === "string"
      ? [
          `Credit ${result.credit}: Assigned campaigns changed from "${result.before || "(empty)"}" to "${result.after || "(empty)"}" (logged in the Assignment log).`,
        ]
      : [`Credit ${creditId} is assigned.`];
  return [...parts, ...notesOf(result)].join(" ");
}

/** What Write did, for the status line. */
export function describeWrite(result: WriteResult | null | undefined): string {
  const sheets = result && Array.isArray(result.sheets) ? result.sheets : [];
  const head =
    sheets.length > 0
      ? `The plan is written to ${sheets.join(", ")}.`
      : "The plan is written to its output sheets.";
  return [head, ...notesOf(result)].join(" ");
}

function notesOf(result: ResultNotes | null | undefined): string[] {
  if (!result || typeof result !== "object" || !Array.isArray(result.notes)) return [];
  return result.notes.filter((note): note is string => typeof note === "string");
}
