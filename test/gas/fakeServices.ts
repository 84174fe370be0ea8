/**
 * Stand-ins for the Apps Script services daily alerts use (R15): ScriptApp's
 * triggers, MailApp, Session and PropertiesService, plus the spreadsheet's
 * id, name and URL. They sit on top of `fakeServices` (fakeSpreadsheet.ts)
 * and log into the same call log. Strict where Apps Script is:
 * - an add-on may hold one trigger of a kind per user and document: a
 *   second time-driven trigger for the same spreadsheet and user throws
 *   (https://developers.google.com/workspace/add-ons/concepts/editor-triggers,
 *   "Restrictions");
 * - a clock trigger needs a frequency before `create()`
 *   (https://developers.google.com/apps-script/reference/script/clock-trigger-builder);
 * - `MailApp.sendEmail(message)` needs `to`, `subject` and a body
 *   (https://developers.google.com/apps-script/reference/mail/mail-app#sendEmail(Object)).
 */
import type { FakeSpreadsheet, fakeServices } from "./fakeSpreadsheet";

export interface FakeTrigger {
  uid: string;
  handler: string;
  spreadsheetId: string;
  user: string;
  everyDays: number | null;
  atHour: number | null;
  timeZone: string | null;
}

export interface SentMail {
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
}

export interface SpreadsheetIdentity {
  id: string;
  name: string;
  url: string;
}

/** The alert services, and the spreadsheet with its identity, over the base fakes. */
export function alertServices(
  spreadsheet: FakeSpreadsheet,
  base: ReturnType<typeof fakeServices>,
  identity: SpreadsheetIdentity = {
    id: "sheet-1",
    name: "Ad credits",
    url: "https://docs.google.com/spreadsheets/d/sheet-1/edit",
  },
  user = "advertiser@example.com",
) {
  const log = spreadsheet.log;
  const triggers: FakeTrigger[] = [];
  const mails: SentMail[] = [];
  const userProperties = new Map<string, string>();
  let nextUid = 1;

  /** The active spreadsheet, with the identity getters the base stand-in lacks. */
  const identityGetters: Record<string, () => string> = {
    getId: () => identity.id,
    getName: () => identity.name,
    getUrl: () => identity.url,
  };
  const SpreadsheetApp = {
    ...base.SpreadsheetApp,
    getActive() {
      const active = base.SpreadsheetApp.getActive();
      return new Proxy(active, {
        get(target, property, receiver) {
          if (typeof property === "string" && property in identityGetters) {
            return () => {
              log.calls.push(`Spreadsheet.${property}`);
              return identityGetters[property]();
            };
          }
          return Reflect.get(target, property, receiver);
        },
      });
    },
  };

  const triggerObject = (trigger: FakeTrigger) => ({
    getUniqueId: () => trigger.uid,
    getHandlerFunction: () => trigger.handler,
    getEventType: () => "CLOCK",
  });

  function clockBuilder(handler: string) {
    const draft = {
      everyDays: null as number | null,
      atHour: null as number | null,
      zone: null as string | null,
    };
    const builder = {
      everyDays(n: number) {
        log.calls.push("ClockTriggerBuilder.everyDays");
        if (!Number.isInteger(n) || n < 1) throw new Error("Invalid argument: n");
        draft.everyDays = n;
        return builder;
      },
      atHour(hour: number) {
        log.calls.push("ClockTriggerBuilder.atHour");
        if (!Number.isInteger(hour) || hour < 0 || hour > 23)
          throw new Error("Invalid argument: hour");
        draft.atHour = hour;
        return builder;
      },
      inTimezone(zone: string) {
        log.calls.push("ClockTriggerBuilder.inTimezone");
        draft.zone = zone;
        return builder;
      },
      create() {
        log.calls.push("ClockTriggerBuilder.create");
        if (draft.everyDays === null) throw new Error("Trigger frequency is required.");
        const taken = triggers.some((t) => t.spreadsheetId === identity.id && t.user === user);
        if (taken) {
          throw new Error(
            "This add-on has created too many time-based triggers in this document for this Google user account.",
          );
        }
        const trigger: FakeTrigger = {
          uid: String(nextUid++),
          handler,
          spreadsheetId: identity.id,
          user,
          everyDays: draft.everyDays,
          atHour: draft.atHour,
          timeZone: draft.zone,
        };
        triggers.push(trigger);
        return triggerObject(trigger);
      },
    };
    return builder;
  }

  const ScriptApp = {
    ...base.ScriptApp,
    newTrigger(handler: string) {
      log.calls.push("ScriptApp.newTrigger");
      return {
        timeBased() {
          log.calls.push("TriggerBuilder.timeBased");
          return clockBuilder(handler);
        },
      };
    },
    getUserTriggers(document: { getId(): string }) {
      log.calls.push("ScriptApp.getUserTriggers");
      const id = document.getId();
      return triggers.filter((t) => t.spreadsheetId === id && t.user === user).map(triggerObject);
    },
    deleteTrigger(trigger: { getUniqueId(): string }) {
      log.calls.push("ScriptApp.deleteTrigger");
      const at = triggers.findIndex((t) => t.uid === trigger.getUniqueId());
      if (at >= 0) triggers.splice(at, 1);
    },
  };

  const MailApp = {
    sendEmail(message: SentMail) {
      log.calls.push("MailApp.sendEmail");
      if (typeof message !== "object" || !message.to || !message.subject || !message.body) {
        throw new Error("Invalid argument: a message needs to, subject and body");
      }
      mails.push({ ...message });
    },
  };

  const Session = {
    getEffectiveUser() {
      log.calls.push("Session.getEffectiveUser");
      return { getEmail: () => user };
    },
  };

  const properties = {
    getProperty: (key: string) => userProperties.get(key) ?? null,
    setProperty(key: string, value: string) {
      userProperties.set(key, String(value));
      return properties;
    },
    deleteProperty(key: string) {
      userProperties.delete(key);
      return properties;
    },
  };
  const PropertiesService = {
    getUserProperties() {
      log.calls.push("PropertiesService.getUserProperties");
      return properties;
    },
  };

  return {
    globals: {
      SpreadsheetApp,
      HtmlService: base.HtmlService,
      LockService: base.LockService,
      ScriptApp,
      MailApp,
      Session,
      PropertiesService,
    },
    triggers,
    mails,
    userProperties,
  };
}
