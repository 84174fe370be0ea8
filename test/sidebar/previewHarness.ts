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

/**
 * What a person reads, checked in the rendered page: money, dates, ids and
 * figure values that broke inside themselves (more than one line box), text
 * below 12 px, and the page's whole text (for "no rule ids").
 */
export async function readingReport(
  page: Page,
): Promise<{ wrapped: string[]; small: string[]; text: string }> {
  return page.evaluate(() => {
    const wrapped: string[] = [];
    for (const el of Array.from(
      document.querySelectorAll<HTMLElement>(".money, .date, .id, .value"),
    )) {
      if (el.offsetParent === null || el.textContent === "") continue;
      // One line box: the value did not break inside itself.
      if (!el.classList.contains("changed") && el.getClientRects().length !== 1) {
        wrapped.push(el.textContent ?? "");
      }
      const range = document.createRange();
      range.selectNodeContents(el);
      const lines = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
      if (!el.classList.contains("changed") && lines.size > 1) wrapped.push(el.textContent ?? "");
    }
    const small: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest(".sr-only, [hidden]")) continue;
      if (parent.getClientRects().length === 0) continue;
      const size = Number.parseFloat(getComputedStyle(parent).fontSize);
      if (size < 12) small.push(`${size}px: ${node.textContent.trim().slice(0, 40)}`);
    }
    return { wrapped, small, text: document.body.textContent ?? "" };
  });
}
