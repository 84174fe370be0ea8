/**
 * Entry of the Apps Script bundle (`dist/Code.js`). Every export is a name of
 * `registry.ts`; the build adds a top-level function for each that calls in
 * here. The only code touching SpreadsheetApp, HtmlService, LockService.
 */
import type { PlanJson } from "../sheets";
import * as service from "../sheets/service";
import * as custom from "./customFunctions";
import { spreadsheetPort } from "./spreadsheetPort";
import { createTemplates } from "./templates";

const TITLE = "Credit Planner";
const LOCK_WAIT_MS = 30_000;

const HELP_TEXT = [
  "Credit Planner projects how your TikTok ad credits will be used up.",
  "1. Extensions → Credit Planner → Create template sheets, then fill in Campaigns, Credits and Account.",
  "2. Open planner: credits, campaigns, warnings, recommendations and what-if edits.",
  "3. Write plan to sheets: the plan in the planner's own sheets, with a draw-down chart.",
  "Formulas: =CREDIT_PLAN(Campaigns!A:K, Credits!A:T, Account!A:B), CREDIT_CAMPAIGNS, CREDIT_DRAWDOWN, CREDIT_FALLBACK_DATE, CREDIT_WARNINGS, CREDIT_EXPIRY, CREDIT_ASSIGN_LIMIT, CREDIT_ISSUE_DATE.",
].join("\n");

/** The spreadsheet's zone and the current instant, read once per call (R1). */
function clock(): custom.SheetClock {
  return { timeZone: SpreadsheetApp.getActive().getSpreadsheetTimeZone(), now: Date.now() };
}

function activePort(): service.WorkbookPort {
  return spreadsheetPort(SpreadsheetApp.getActive());
}

/**
 * Menu items and sidebar calls need every scope of the manifest. A user who
 * declined one (granular consent) is asked again here, instead of meeting a
 * raw permission error halfway through a write.
 */
function requireAuthorization(): void {
  ScriptApp.requireAllScopes(ScriptApp.AuthMode.FULL);
}

/** Runs a writer under the document lock so two writers never interleave. */
function withDocumentLock<T>(run: () => T): T {
  const lock = LockService.getDocumentLock();
  if (!lock) return run();
  try {
    lock.waitLock(LOCK_WAIT_MS);
  } catch {
    throw new Error(
      "Another Credit Planner run is still writing to this spreadsheet; try again in a minute.",
    );
  }
  try {
    return run();
  } finally {
    lock.releaseLock();
  }
}

// Custom functions (CONTRACT §3).
export function CREDIT_PLAN(campaigns: unknown, credits: unknown, account: unknown) {
  return custom.creditPlan(clock(), campaigns, credits, account);
}
export function CREDIT_CAMPAIGNS(campaigns: unknown, credits: unknown, account: unknown) {
  return custom.creditCampaigns(clock(), campaigns, credits, account);
}
export function CREDIT_DRAWDOWN(
  campaigns: unknown,
  credits: unknown,
  account: unknown,
  creditId: unknown,
) {
  return custom.creditDrawdown(clock(), campaigns, credits, account, creditId);
}
export function CREDIT_FALLBACK_DATE(
  campaigns: unknown,
  credits: unknown,
  account: unknown,
  campaignId: unknown,
) {
  return custom.creditFallbackDate(clock(), campaigns, credits, account, campaignId);
}
export function CREDIT_WARNINGS(campaigns: unknown, credits: unknown, account: unknown) {
  return custom.creditWarnings(clock(), campaigns, credits, account);
}
export function CREDIT_EXPIRY(issueDate: unknown, validityDays: unknown) {
  return custom.creditExpiry(clock(), issueDate, validityDays);
}
export function CREDIT_ASSIGN_LIMIT(issueDate: unknown) {
  return custom.creditAssignLimit(clock(), issueDate);
}
export function CREDIT_ISSUE_DATE(
  thresholdDate: unknown,
  type: unknown,
  tier: unknown,
  holidays: unknown,
) {
  return custom.creditIssueDate(clock(), thresholdDate, type, tier, holidays);
}

// Menu and triggers (CONTRACT §4).
/** In AuthMode.NONE only the menu may be built: nothing else is read or written. */
export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen) {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem("Open planner", "showPlanner")
    .addItem("Create template sheets", "createTemplateSheets")
    .addItem("Write plan to sheets", "writePlanToSheets")
    .addSeparator()
    .addItem("Help", "showHelp")
    .addToUi();
}

export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall) {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
}

export function showPlanner() {
  requireAuthorization();
  const page = HtmlService.createHtmlOutputFromFile("Sidebar").setTitle(TITLE).setWidth(300);
  SpreadsheetApp.getUi().showSidebar(page);
}

export function showHelp() {
  requireAuthorization();
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, HELP_TEXT, ui.ButtonSet.OK);
}

export function createTemplateSheets(): string[] {
  requireAuthorization();
  const spreadsheet = SpreadsheetApp.getActive();
  const added = withDocumentLock(() => createTemplates(spreadsheet));
  spreadsheet.toast(
    added.length > 0 ? `Added: ${added.join(", ")}` : "Every input sheet is already there.",
    TITLE,
  );
  return added;
}

export function writePlanToSheets(): { sheets: string[]; notes: string[] } {
  requireAuthorization();
  const spreadsheet = SpreadsheetApp.getActive();
  const result = withDocumentLock(() => service.writePlan(spreadsheetPort(spreadsheet)));
  spreadsheet.toast([`Wrote ${result.sheets.join(", ")}.`, ...result.notes].join(" "), TITLE);
  return result;
}

// Sidebar server calls: JSON in and out, never a Date (CONTRACT §4).
export function getPlan(whatIf: unknown, options?: unknown): PlanJson {
  requireAuthorization();
  return service.getPlan(activePort(), whatIf, options ?? null);
}

export function applyRecommendation(creditId: unknown, campaignIds: unknown) {
  requireAuthorization();
  return withDocumentLock(() => service.applyRecommendation(activePort(), creditId, campaignIds));
}

export function selectCell(sheet: unknown, a1: unknown): void {
  requireAuthorization();
  service.selectCell(activePort(), sheet, a1);
}
