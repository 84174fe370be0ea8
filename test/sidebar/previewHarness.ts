/**
 * Test harness: builds dist/ once, starts `node dist/preview.mjs` on a free
 * port over a fixture workbook, and drives Debian's Chromium (never a
 * browser download) through playwright-core.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import type { Page } from "playwright-core";
import {
  type PreviewProcess,
  startPreviewProcess as startPreview,
} from "../../scripts/chromiumPreview";

export const ROOT = resolve(import.meta.dirname, "../..");
export const FIXTURES = resolve(import.meta.dirname, "fixtures");

export function buildDist(): void {
  execFileSync(process.execPath, ["scripts/build.mjs"], { cwd: ROOT, stdio: "pipe" });
}

export { freePort, launchChromium, type PreviewProcess } from "../../scripts/chromiumPreview";

export function startPreviewProcess(workbook: string): Promise<PreviewProcess> {
  return startPreview(workbook, ROOT);
}

/** Records console errors and uncaught page errors. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

export interface PreviewState {
  selections: { sheet: string; a1: string }[];
  assignmentLog: string[][];
  ownedSheets: string[];
  calls: string[];
}

export async function previewState(url: string): Promise<PreviewState> {
  const response = await fetch(new URL("/__preview/state", url));
  return (await response.json()) as PreviewState;
}

export async function rpc<T>(url: string, fn: string, args: unknown[]): Promise<T> {
  const response = await fetch(new URL("/rpc", url), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ fn, args }),
  });
  const reply = (await response.json()) as { ok: boolean; result: T; error?: string };
  if (!reply.ok) throw new Error(reply.error);
  return reply.result;
}
