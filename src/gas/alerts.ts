/**
 * Daily alerts (R15, CONTRACT §5): one time-driven trigger per spreadsheet
 * and user that re-plans the sheets and mails the digest to that user. The
 * only code touching ScriptApp triggers, MailApp, Session and
 * PropertiesService.
 *
 * - Turning alerts on installs one daily trigger at ALERT_HOUR in the
 *   spreadsheet's zone; turning them on again keeps that one (Apps Script
 *   allows an add-on one trigger of a kind per user and document).
 * - The trigger reads the sheets (never writes them), plans, and sends the
 *   digest only when it has items, at most once per calendar day in the
 *   spreadsheet's zone (the last sent day is kept in the user's properties,
 *   keyed by spreadsheet).
 * - When the sheets cannot be planned it sends one short mail saying why and
 *   keeps a fingerprint of the failure and the tables read, so the same
 *   failure on the same sheets is not mailed again.
 */
import { isoDate, type Plan } from "../core";
import { dayInTimeZone, readAndPlan, type WorkbookTables } from "../sheets";
import { type AlertsStatus, alertsDigest } from "../sheets/service";
import { type AlertMail, alertMail, failureMail } from "./alertMail";
import { spreadsheetPort } from "./spreadsheetPort";

/** The trigger's handler: a top-level function of Code.js (registry). */
export const ALERT_HANDLER = "sendDailyAlerts";
/** Hour of the day (0–23, spreadsheet zone) the digest is made and sent. */
export const ALERT_HOUR = 7;
const SENDER_NAME = "Credit Planner";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The user's property keys for this spreadsheet. */
function keys(spreadsheet: Spreadsheet) {
  const id = spreadsheet.getId();
  return { lastSent: `alerts.lastSent.${id}`, failure: `alerts.failure.${id}` };
}

/** This user's alert triggers for this spreadsheet. */
function alertTriggers(spreadsheet: Spreadsheet): GoogleAppsScript.Script.Trigger[] {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === ALERT_HANDLER,
  );
}

export interface AlertsState {
  on: boolean;
  /** Where the mail goes (the user who turned alerts on, when they are on). */
  email: string;
  hour: number;
  timeZone: string;
}

/** Installs the daily trigger unless this user has it for this spreadsheet; one stays. */
export function enableAlerts(spreadsheet: Spreadsheet): AlertsState {
  const existing = alertTriggers(spreadsheet);
  if (existing.length === 0) {
    ScriptApp.newTrigger(ALERT_HANDLER)
      .timeBased()
      .everyDays(1)
      .atHour(ALERT_HOUR)
      .inTimezone(spreadsheet.getSpreadsheetTimeZone())
      .create();
  }
  for (const extra of existing.slice(1)) ScriptApp.deleteTrigger(extra);
  return alertsState(spreadsheet);
}

/** Removes this user's alert triggers for this spreadsheet. */
export function disableAlerts(spreadsheet: Spreadsheet): AlertsState {
  for (const trigger of alertTriggers(spreadsheet)) ScriptApp.deleteTrigger(trigger);
  return alertsState(spreadsheet);
}

export function alertsState(spreadsheet: Spreadsheet): AlertsState {
  return {
    on: alertTriggers(spreadsheet).length > 0,
    email: Session.getEffectiveUser().getEmail(),
    hour: ALERT_HOUR,
    timeZone: spreadsheet.getSpreadsheetTimeZone(),
  };
}

type PlannedSheets =
  | { ok: true; plan: Plan }
  | { ok: false; reason: string; tables: WorkbookTables };

/** Reads every input sheet once and plans them as every face does (R1 today). */
function planSheets(spreadsheet: Spreadsheet): PlannedSheets {
  const port = spreadsheetPort(spreadsheet);
  const tables = port.readTables();
  const result = readAndPlan(tables, { now: port.now(), spreadsheetTimeZone: port.timeZone() });
  if (!result.ok) return { ok: false, reason: result.error, tables };
  return { ok: true, plan: result.plan };
}

/** The sidebar's view: whether alerts are on, and the digest the next mail would carry. */
export function alertsPreview(spreadsheet: Spreadsheet): AlertsStatus {
  return { ...alertsState(spreadsheet), ...alertsDigest(spreadsheetPort(spreadsheet)) };
}

export type AlertRun =
  | "sent"
  | "nothing to act on"
  | "already sent today"
  | "failure sent"
  | "failure already sent";

/**
 * The trigger's work: plan, then mail the digest (or the failure) to the
 * effective user — in a trigger, the user who installed it.
 */
export function runDailyAlerts(spreadsheet: Spreadsheet): AlertRun {
  const properties = PropertiesService.getUserProperties();
  const key = keys(spreadsheet);
  const sheet = { name: spreadsheet.getName(), url: spreadsheet.getUrl() };
  const planned = planSheets(spreadsheet);
  if (!planned.ok) {
    const fingerprint = fingerprintOf(planned.reason, planned.tables);
    if (properties.getProperty(key.failure) === fingerprint) return "failure already sent";
    send(failureMail(planned.reason, sheet));
    properties.setProperty(key.failure, fingerprint);
    return "failure sent";
  }
  properties.deleteProperty(key.failure);
  const { plan } = planned;
  const digest = plan.alerts;
  if (!digest || digest.items.length === 0) return "nothing to act on";
  const today = isoDate(dayInTimeZone(Date.now(), spreadsheet.getSpreadsheetTimeZone()));
  if (properties.getProperty(key.lastSent) === today) return "already sent today";
  send(alertMail(digest, plan, sheet));
  properties.setProperty(key.lastSent, today);
  return "sent";
}

function send(mail: AlertMail): void {
  MailApp.sendEmail({
    to: Session.getEffectiveUser().getEmail(),
    subject: mail.subject,
    body: mail.text,
    htmlBody: mail.html,
    name: SENDER_NAME,
  });
}

/**
 * A short fingerprint of a failure and the tables it was read from: two
 * FNV-1a 32-bit hashes (different offsets) of the JSON text. Only equality
 * matters: the same failure on unchanged sheets is not mailed twice.
 */
export function fingerprintOf(reason: string, tables: WorkbookTables): string {
  const text = `${reason}\u0000${JSON.stringify(tables)}`;
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    a = Math.imul(a ^ code, 0x01000193) >>> 0;
    b = Math.imul(b ^ code, 0x5bd1e995) >>> 0;
  }
  return `${a.toString(16).padStart(8, "0")}${b.toString(16).padStart(8, "0")}:${text.length}`;
}
