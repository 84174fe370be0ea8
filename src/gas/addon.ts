/**
 * The add-on's menu, triggers and sidebar server calls (CONTRACT §4): the
 * only code touching SpreadsheetApp, HtmlService, LockService. Apps Script
 * reaches them through the registry (`registry.ts`), which names each once.
 */
import type { PlanJson } from "../sheets";
import * as service from "../sheets/service";
import * as alerts from "./alerts";
import type { SheetClock } from "./customFunctions";
import { spreadsheetPort } from "./spreadsheetPort";
import { createTemplates } from "./templates";

export const TITLE = "Credit Planner";
const LOCK_WAIT_MS = 30_000;

/** The spreadsheet's zone and the current instant, read once per call (R1). */
export function clock(): SheetClock {
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

/** One menu item: its label and the registered global it calls. */
export interface MenuItem {
  label: string;
  functionName: string;
  separatorBefore: boolean;
}

/** In AuthMode.NONE only the menu may be built: nothing else is read or written. */
export function buildMenu(items: readonly MenuItem[]): void {
  let menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of items) {
    if (item.separatorBefore) menu = menu.addSeparator();
    menu = menu.addItem(item.label, item.functionName);
  }
  menu.addToUi();
}

export function showPlanner(): void {
  requireAuthorization();
  // The spreadsheet's locale rides with the page (read once here, not on every
  // getPlan): the sidebar writes dates and money in it. Only [A-Za-z0-9_-] pass.
  const locale = SpreadsheetApp.getActive()
    .getSpreadsheetLocale()
    .replace(/[^A-Za-z0-9_-]/g, "");
  const page = HtmlService.createHtmlOutputFromFile("Sidebar")
    .append(`<meta name="spreadsheet-locale" content="${locale}">`)
    .setTitle(TITLE)
    .setWidth(300);
  SpreadsheetApp.getUi().showSidebar(page);
}

export function showHelp(text: string): void {
  requireAuthorization();
  const ui = SpreadsheetApp.getUi();
  ui.alert(TITLE, text, ui.ButtonSet.OK);
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

export function undoApply(creditId: unknown, before: unknown, after: unknown) {
  requireAuthorization();
  return withDocumentLock(() => service.undoApply(activePort(), creditId, before, after));
}

export function selectCell(sheet: unknown, a1: unknown): void {
  requireAuthorization();
  service.selectCell(activePort(), sheet, a1);
}

// Daily alerts (R15, CONTRACT §5).
function alertsToast(state: alerts.AlertsState): string {
  return state.on
    ? `Daily alerts are on: when something needs action, a mail goes to ${state.email} at about ${state.hour}:00 (${state.timeZone}).`
    : "Daily alerts are off.";
}

/** Menu: installs the one daily trigger for this spreadsheet and user. */
export function enableDailyAlerts(): alerts.AlertsState {
  requireAuthorization();
  const spreadsheet = SpreadsheetApp.getActive();
  const state = alerts.enableAlerts(spreadsheet);
  spreadsheet.toast(alertsToast(state), TITLE);
  return state;
}

/** Menu: removes this user's daily trigger for this spreadsheet. */
export function disableDailyAlerts(): alerts.AlertsState {
  requireAuthorization();
  const spreadsheet = SpreadsheetApp.getActive();
  const state = alerts.disableAlerts(spreadsheet);
  spreadsheet.toast(alertsToast(state), TITLE);
  return state;
}

/** The time-driven trigger: re-plans and mails the digest; never writes to a sheet. */
export function sendDailyAlerts(_event?: unknown): alerts.AlertRun {
  return alerts.runDailyAlerts(SpreadsheetApp.getActive());
}

/** Sidebar call: whether alerts are on and the digest the next mail would carry. */
export function getAlerts() {
  requireAuthorization();
  return alerts.alertsPreview(SpreadsheetApp.getActive());
}
