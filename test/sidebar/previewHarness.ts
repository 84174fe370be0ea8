/**
 * Test harness: builds dist/ once, starts `node dist/preview.mjs` on a free
 * port over a fixture workbook, and drives Debian's Chromium (never a
 * browser download) through playwright-core.
 */
import { execFileSync } from "node:child_process";
import { resolve } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import {
  launchChromium,
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

/** The sidebar's width in Sheets. */
export const SIDEBAR_WIDTH = 300;

/**
 * Builds dist/ and opens Chromium before the file's tests (closed after);
 * returns how a test opens the sidebar at 300 px, waiting for its plan.
 */
export function useSidebarBrowser(
  height: number,
): (url: string) => Promise<{ page: Page; errors: string[] }> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    buildDist();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return async (url) => {
    if (!browser) throw new Error("the browser is not open yet");
    const page = await browser.newPage({ viewport: { width: SIDEBAR_WIDTH, height } });
    page.setDefaultTimeout(10_000);
    const errors = watchErrors(page);
    await page.goto(url);
    await page.waitForSelector("body[data-plan-state]", { timeout: 30_000 });
    return { page, errors };
  };
}

/** A figure's value as the summary shows it. */
export async function figure(page: Page, label: string): Promise<string> {
  const box = page.locator(".figure", { has: page.locator("dt", { hasText: label }) });
  return (await box.locator(".value").textContent()) ?? "";
}

/** US dollars as the sidebar writes them in en-US. */
export function usd(amount: number): string {
  return new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" }).format(amount);
}

/** The sidebar's one date style (en-US): `Dec 25, 2026`, a dash for no day. */
export function usDay(date: string | null): string {
  if (date === null) return "—";
  return new Intl.DateTimeFormat("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${date}T00:00:00Z`));
}
