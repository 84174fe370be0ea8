/**
 * What Code.js's top-level functions call — the registry's implementations
 * (`functions` of src/gas/main.ts) — typed as src/gas/addon.ts declares them.
 */
import type * as addon from "../../src/gas/addon";
import { functions } from "../../src/gas/main";

export const addOn = functions as unknown as Omit<typeof addon, "showHelp"> & {
  onOpen(event: GoogleAppsScript.Events.SheetsOnOpen): void;
  onInstall(event: GoogleAppsScript.Events.AddonOnInstall): void;
  showHelp(): void;
};
